package io.rebalancer.cli;

import io.rebalancer.store.StoreConfig;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Passwords never reach the terminal, wherever a URI was typed; a usage error is one line and a pointer. */
class CredentialsAndUsageTest {
    private static final String URI = "mongodb://alice:s3cret@127.0.0.1:1/db?authMechanism=MONGODB-AWS"
            + "&authMechanismProperties=AWS_SESSION_TOKEN:tok123";

    private static void assertNoSecret(CliHarness r) {
        String all = r.out() + r.err();
        assertFalse(all.contains("s3cret"), all);
        assertFalse(all.contains("tok123"), all);
    }

    @Test
    void history_uriAsAStrayPositional_usageExitMaskedOneLinePlusHelp() {
        CliHarness r = CliHarness.run("history", URI);
        assertEquals(ExitCodes.USAGE, r.exitCode());
        assertNoSecret(r);
        assertTrue(r.err().contains("mongodb://alice:***@127.0.0.1:1/db"), r.err());
        assertEquals(2, r.err().strip().lines().count(), r.err());
        assertEquals("Run 'rebalancer history --help' for its usage.", r.err().strip().lines().skip(1).findFirst().get());
    }

    @Test
    void history_mistypedUriOption_usageExitMasked() {
        CliHarness spaced = CliHarness.run("history", "--mongo-url", URI);
        CliHarness joined = CliHarness.run("history", "--mongo-url=" + URI);
        assertEquals(ExitCodes.USAGE, spaced.exitCode());
        assertEquals(ExitCodes.USAGE, joined.exitCode());
        assertNoSecret(spaced);
        assertNoSecret(joined);
        assertEquals(2, joined.err().strip().lines().count(), joined.err());
    }

    @Test
    void run_unreachableUriWithSecretQueryOption_storeExitMasked() {
        CliHarness r = CliHarness.run("run", "--mongo-uri", URI);
        assertEquals(ExitCodes.STORE, r.exitCode(), r.err());
        assertNoSecret(r);
    }

    @Test
    void maskUri_secretQueryOptions_masked() {
        assertEquals("mongodb://u:***@h/db?authSource=admin&authMechanismProperties=***&tlsCertificateKeyFilePassword=***",
                StoreConfig.maskUri("mongodb://u:p@h/db?authSource=admin&authMechanismProperties=AWS_SESSION_TOKEN:x"
                        + "&tlsCertificateKeyFilePassword=pw"));
        // an address other than MongoDB's keeps only its scheme, host and port (StoreConfigTest)
        assertEquals("see 'mongodb+srv://u:***@c.example.net/x' and http://***@b/***",
                StoreConfig.maskUris("see 'mongodb+srv://u:p@c.example.net/x' and http://a:b@b/c"));
    }
}
