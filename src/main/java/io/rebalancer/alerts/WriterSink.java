package io.rebalancer.alerts;

import io.rebalancer.domain.Alert;

import java.io.PrintWriter;

/** One line per alert on a writer the caller owns (the console of {@code watch}). */
public final class WriterSink implements AlertSink {
    private final PrintWriter out;

    public WriterSink(PrintWriter out) {
        this.out = out;
    }

    @Override
    public void send(Alert a) {
        synchronized (out) {
            out.println("ALERT " + a.severity() + " " + a.code() + " " + a.message());
            out.flush();
        }
    }

    @Override
    public String name() {
        return "console";
    }
}
