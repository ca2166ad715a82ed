package io.rebalancer.cli;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.FileAppender;
import ch.qos.logback.core.spi.ContextAwareBase;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Logback's configuration, in code: warnings and errors of the libraries and informational lines of Rebalancer on
 * stderr. Logback finds it through {@code META-INF/services}; configuring in code instead of from logback.xml
 * saves about 0.4 s of every command's start-up (the XML configurator's own start-up). A configuration given the
 * usual Logback way wins: with {@code -Dlogback.configurationFile=FILE}, or a {@code logback.xml} on the class
 * path, this configurator steps aside and Logback's own reads it.
 */
public final class ConsoleLogging extends ContextAwareBase implements Configurator {
    static final String CONFIG_PROPERTY = "logback.configurationFile";
    private static final String PATTERN = "%d{HH:mm:ss.SSS} %-5level %logger{36} - %msg%n";

    @Override
    public ExecutionStatus configure(LoggerContext context) {
        if (configuredElsewhere()) {
            return ExecutionStatus.INVOKE_NEXT_IF_ANY;
        }
        PatternLayoutEncoder encoder = new PatternLayoutEncoder();
        encoder.setContext(context);
        encoder.setPattern(PATTERN);
        encoder.start();
        ConsoleAppender<ILoggingEvent> stderr = new ConsoleAppender<>();
        stderr.setContext(context);
        stderr.setName("STDERR");
        stderr.setTarget("System.err");
        stderr.setEncoder(encoder);
        stderr.start();
        Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        root.setLevel(Level.WARN);
        root.addAppender(stderr);
        context.getLogger("io.rebalancer").setLevel(Level.INFO);
        // Drools warns about package/folder names for every rule file of a KieFileSystem build
        context.getLogger("org.drools.compiler.kie.builder.impl.KieBuilderImpl").setLevel(Level.ERROR);
        context.getLogger("org.drools.compiler.kie.builder.impl.KieProject").setLevel(Level.OFF);
        return ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY;
    }

    /** Whether the user gave Logback a configuration of their own (system property or logback.xml). */
    static boolean configuredElsewhere() {
        String file = System.getProperty(CONFIG_PROPERTY);
        return file != null && !file.isBlank() || ConsoleLogging.class.getClassLoader().getResource("logback.xml") != null;
    }

    /**
     * Also writes the log to {@code file} (appended; created with its directory): every logger's lines as configured,
     * plus the lines given to {@link #fileOnly} (for {@code watch --log-file}). Closing the result detaches the file.
     */
    static AutoCloseable addFile(Path file) {
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the directory of the log file " + file, e);
        }
        PatternLayoutEncoder encoder = new PatternLayoutEncoder();
        encoder.setContext(context);
        encoder.setPattern("%d{yyyy-MM-dd HH:mm:ss.SSS} %-5level %logger{36} - %msg%n");
        encoder.start();
        FileAppender<ILoggingEvent> appender = new FileAppender<>();
        appender.setContext(context);
        appender.setName("FILE");
        appender.setFile(file.toString());
        appender.setAppend(true);
        appender.setEncoder(encoder);
        appender.start();
        if (!appender.isStarted()) {
            throw new IllegalArgumentException("cannot write the log file " + file);
        }
        context.getLogger(Logger.ROOT_LOGGER_NAME).addAppender(appender);
        Logger only = context.getLogger(FILE_ONLY);
        only.setAdditive(false);
        only.setLevel(Level.INFO);
        only.addAppender(appender);
        return () -> {
            context.getLogger(Logger.ROOT_LOGGER_NAME).detachAppender(appender);
            only.detachAppender(appender);
            appender.stop();
        };
    }

    /** The logger whose lines go to the log file only (what a command also prints itself). */
    static final String FILE_ONLY = "io.rebalancer.log";

    static org.slf4j.Logger fileOnly() {
        return LoggerFactory.getLogger(FILE_ONLY);
    }
}
