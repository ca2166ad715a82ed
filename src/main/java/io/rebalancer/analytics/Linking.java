package io.rebalancer.analytics;

/** How single-period arithmetic attribution effects are linked over several periods. */
public enum Linking {
    /** Carino (1999) logarithmic smoothing: effect_t * k_t / K. */
    CARINO,
    /** GRAP (1997): effect_t * prod_{s<t}(1 + Rp_s) * prod_{s>t}(1 + Rb_s). */
    GRAP
}
