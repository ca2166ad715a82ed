package io.rebalancer.cli;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

/** Logback picks up ConsoleLogging through META-INF/services (without it the root would log DEBUG to stdout). */
class ConsoleLoggingTest {
    @Test
    void configure_atStartUp_warningsOnStderrRebalancerInfoDroolsNoiseOff() {
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        assertEquals(Level.WARN, root.getLevel());
        assertNotNull(root.getAppender("STDERR"));
        assertEquals(Level.INFO, ((Logger) LoggerFactory.getLogger("io.rebalancer.cli.Main")).getEffectiveLevel());
        assertEquals(Level.ERROR, ((Logger) LoggerFactory.getLogger(
                "org.drools.compiler.kie.builder.impl.KieBuilderImpl")).getEffectiveLevel());
        assertEquals(Level.OFF, ((Logger) LoggerFactory.getLogger(
                "org.drools.compiler.kie.builder.impl.KieProject")).getEffectiveLevel());
    }
}
