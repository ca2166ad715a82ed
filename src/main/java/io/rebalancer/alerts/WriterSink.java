package io.rebalancer.alerts;

import io.rebalancer.domain.Alert;

import java.util.function.Consumer;

/** One line per alert to a consumer the caller owns (the console of {@code watch}). */
public final class WriterSink implements AlertSink {
    private final Consumer<String> out;

    public WriterSink(Consumer<String> out) {
        this.out = out;
    }

    /** The line an alert is shown as: {@code ALERT <severity> <code> <message>}. */
    public static String line(Alert a) {
        return "ALERT " + a.severity() + " " + a.code() + " " + a.message();
    }

    @Override
    public void send(Alert a) {
        out.accept(line(a));
    }

    @Override
    public String name() {
        return "console";
    }
}
