package io.rebalancer.spark;

import org.apache.spark.sql.SparkSession;

/** The Spark session every job of this module starts the same way. */
public final class SparkSessions {
    private SparkSessions() {
    }

    /**
     * A session named {@code app}, without the web UI, on {@code master} if given, else on spark-submit's master
     * ({@code spark.master}), else on {@code local[*]}.
     */
    public static SparkSession start(String app, String master) {
        SparkSession.Builder b = SparkSession.builder().appName(app).config("spark.ui.enabled", "false");
        if (master != null || System.getProperty("spark.master") == null) {
            b.master(master(master));
        }
        return b.getOrCreate();
    }

    /** The master {@link #start} runs on, known before a session starts: {@code master}, spark-submit's, local[*]. */
    public static String master(String master) {
        return master != null ? master : System.getProperty("spark.master", "local[*]");
    }
}
