package io.rebalancer.optimise;

/**
 * ojAlgo prints a hardware-profile notice to standard output when it first initialises unless the system property
 * {@code shut.up.ojAlgo} is set; standard output is the commands' own (a {@code --json} answer must stay JSON).
 * Every class of this package that touches ojAlgo calls {@link #ensure} from its static initialiser, since any of
 * them may be the first (a {@link TrackingErrorOptimiser.Problem} checks its covariance before the optimiser class
 * itself is initialised).
 */
final class QuietOjAlgo {
    static {
        if (System.getProperty("shut.up.ojAlgo") == null) {
            System.setProperty("shut.up.ojAlgo", "true");
        }
    }

    private QuietOjAlgo() {
    }

    /** Sets the property, once, before the caller's first use of ojAlgo. */
    static void ensure() {
        // the work is done by the static initialiser
    }
}
