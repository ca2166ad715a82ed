package io.rebalancer.rules.drools;

import io.rebalancer.rules.Phase;
import io.rebalancer.rules.PhaseResult;
import io.rebalancer.rules.RuleEngine;
import io.rebalancer.rules.RuleFiringException;
import io.rebalancer.rules.RuleLimits;
import io.rebalancer.rules.RuleProblem;
import io.rebalancer.rules.RuleSetException;
import org.kie.api.KieBase;
import org.kie.api.runtime.KieSession;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.LongSupplier;

/**
 * The Drools implementation of the rule engine: one KieBase built from every DRL file and decision table of a
 * directory, a fresh session per phase. Rules run from Drools' executable model, cached by {@link RuleBuildKey};
 * the DRL compiler ({@link DrlCompiler}) is what validation uses, because it reports problems by file, line and cell.
 */
public final class DroolsRuleEngine implements RuleEngine {

    /**
     * Fires phases off the caller's thread so that a phase that never ends can be abandoned. Its threads are shared
     * by every caller, so none keeps the context class loader of the caller it was created for: each task runs with
     * its own submitter's ({@link #submit}).
     */
    private static final ExecutorService FIRING = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "rules-phase");
        t.setDaemon(true);
        t.setContextClassLoader(DroolsRuleEngine.class.getClassLoader());
        return t;
    });

    /** Runs {@code task} on {@link #FIRING} with the calling thread's context class loader, as if run inline. */
    private static <T> Future<T> submit(java.util.concurrent.Callable<T> task) {
        ClassLoader caller = Thread.currentThread().getContextClassLoader();
        return FIRING.submit(() -> {
            Thread self = Thread.currentThread();
            ClassLoader own = self.getContextClassLoader();
            self.setContextClassLoader(caller);
            try {
                return task.call();
            } finally {
                self.setContextClassLoader(own);
            }
        });
    }

    private final KieBase kieBase;
    private final String hash;
    private final RuleFiles files;
    private final RuleLimits limits;
    /** The table values of a parameterised rule set (global {@code tableValues}), or null. */
    private final io.rebalancer.rules.facts.TableValues tableValues;

    /** The time phases are timed by, in nanoseconds: {@link System#nanoTime} but in tests. */
    private final LongSupplier clock;

    private DroolsRuleEngine(KieBase kieBase, String hash, RuleFiles files, RuleLimits limits) {
        this(kieBase, hash, files, limits, null, System::nanoTime);
    }

    private DroolsRuleEngine(KieBase kieBase, String hash, RuleFiles files, RuleLimits limits,
                             io.rebalancer.rules.facts.TableValues tableValues, LongSupplier clock) {
        this.kieBase = kieBase;
        this.hash = hash;
        this.files = files;
        this.limits = limits;
        this.tableValues = tableValues;
        this.clock = clock;
    }

    /** This engine with other firing limits for each phase. */
    public DroolsRuleEngine withLimits(RuleLimits newLimits) {
        return new DroolsRuleEngine(kieBase, hash, files, java.util.Objects.requireNonNull(newLimits, "limits"),
                tableValues, clock);
    }

    /** This engine timing its phases by {@code nanos} instead of {@link System#nanoTime}: for tests of the watch. */
    DroolsRuleEngine withClock(LongSupplier nanos) {
        return new DroolsRuleEngine(kieBase, hash, files, limits, tableValues,
                java.util.Objects.requireNonNull(nanos, "clock"));
    }

    /** The sessions of this engine's rules not yet disposed (Drools keeps a reference to each until then). */
    int liveSessions() {
        return kieBase.getKieSessions().size();
    }

    /**
     * This engine's compiled rules (shared, not rebuilt) with the table cells a parameterised rule set reads from
     * the global {@code tableValues} set to {@code values}; {@code hash} names the rule set these values make
     * (io.rebalancer.rules.variant). The rule set must declare the global.
     */
    public DroolsRuleEngine withTableValues(io.rebalancer.rules.facts.TableValues values, String valuesHash) {
        var pkg = kieBase.getKiePackage("io.rebalancer.rules");
        var global = pkg == null ? Optional.<org.kie.api.definition.rule.Global>empty() : pkg.getGlobalVariables()
                .stream().filter(g -> g.getName().equals(TABLE_VALUES_GLOBAL)).findFirst();
        if (global.isEmpty()) {
            throw new IllegalStateException("the rule set declares no global " + TABLE_VALUES_GLOBAL);
        }
        String type = io.rebalancer.rules.facts.TableValues.class.getName();
        if (!global.get().getType().equals(type)) {
            // every session would refuse the values: say so once, here, rather than at the first phase
            throw new IllegalStateException("the rule set's global " + TABLE_VALUES_GLOBAL + " is a "
                    + global.get().getType() + ", not a " + type);
        }
        return new DroolsRuleEngine(kieBase, java.util.Objects.requireNonNull(valuesHash, "hash"), files, limits,
                java.util.Objects.requireNonNull(values, "values"), clock);
    }

    /** The global a parameterised rule set reads its overridden table cells from. */
    public static final String TABLE_VALUES_GLOBAL = "tableValues";

    public RuleLimits limits() {
        return limits;
    }

    /** {@link #load(Path, CompiledRuleCache)} with a cache that lives as long as the process. */
    public static DroolsRuleEngine load(Path dir) {
        return load(dir, CompiledRuleCache.inProcess());
    }

    /**
     * The rules of {@code dir}, from {@code cache} when these exact files were built before, otherwise compiled
     * to the executable model (and cached). Throws {@link RuleSetException} naming every file and line at fault,
     * lint errors included; nothing is cached then.
     */
    public static DroolsRuleEngine load(Path dir, CompiledRuleCache cache) {
        RuleFiles files = RuleFiles.scan(dir);
        RuleSetBuild.Built built = RuleSetBuild.build(files, cache, false);
        if (!built.errors().isEmpty()) {
            throw new RuleSetException(built.errors());
        }
        return new DroolsRuleEngine(built.base(), files.hash(), files, RuleLimits.DEFAULT);
    }


    /** Number of rules in a KieBase. */
    public static int ruleCount(KieBase base) {
        return base == null ? 0 : base.getKiePackages().stream().mapToInt(p -> p.getRules().size()).sum();
    }


    /**
     * Fires one phase under {@link #limits()}: a rule that throws, rules that keep firing past the firing limit, or a
     * phase that runs past the time limit end in a {@link RuleFiringException} naming the rules. A phase past its
     * time is halted; a consequence that never returns keeps its (daemon) thread, and the caller goes on. The
     * phase's session is disposed by the thread that fired it, once that thread has left the rules.
     */
    @Override
    public PhaseResult fire(Phase phase, Collection<?> facts) {
        PhaseLog log = new PhaseLog();
        KieSession session = kieBase.newKieSession();
        Running running;
        try {
            if (tableValues != null) {
                session.setGlobal(TABLE_VALUES_GLOBAL, tableValues);
            }
            log.attach(session);
            running = new Running(this, session, phase, log.firing, clock.getAsLong() + limits.maxTime().toNanos());
        } catch (RuntimeException | Error e) {
            // no Running owns the session yet, so nothing else would dispose it
            session.dispose();
            throw e;
        }
        Watch watch = WATCH.get();
        int n;
        try {
            n = watch != null ? watch.fireInline(running, facts) : fireOnItsOwnThread(running, facts);
        } catch (Thrown e) {
            throw threw(phase, e.getCause(), log.firing.get());
        }
        if (n < 0) {
            throw timedOut(phase, log.firing.get());
        }
        if (n >= limits.maxFirings()) {
            throw new RuleFiringException(looping(phase, log.counts, log.updates));
        }
        return new PhaseResult(phase, log.fired, log.conclusions);
    }

    /** Fires the phase on a thread of its own and waits for it up to the time limit: its firings, or -1 if halted. */
    private int fireOnItsOwnThread(Running running, Collection<?> facts) {
        Future<Integer> run = submit(() -> running.fire(facts));
        try {
            while (true) {
                try {
                    return run.get(limits.maxTime().toMillis(), TimeUnit.MILLISECONDS);
                } catch (TimeoutException e) {
                    if (running.stop()) {
                        run.cancel(true);
                        running.halt();
                        return -1;
                    }
                    // it completed just as its time ran out: the result is a moment away
                }
            }
        } catch (ExecutionException e) {
            throw e.getCause() instanceof Thrown t ? t : new Thrown(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            if (running.stop()) {
                run.cancel(true);
                running.halt();
            }
            throw new IllegalStateException("interrupted while the rules fired", e);
        }
    }

    private RuleFiringException timedOut(Phase phase, String rule) {
        return new RuleFiringException(List.of(problem(rule, phase.name().toLowerCase(java.util.Locale.ROOT)
                + " phase ran past " + seconds(limits.maxTime()) + " s (" + RuleLimits.ENV_MAX_SECONDS + ")"
                + (rule != null ? "; rule \"" + rule + "\" was still running" : "") + "; nothing of the phase is used")));
    }

    /** A time limit in seconds as written: whole seconds plain, a sub-second limit to the millisecond (0.25). */
    static String seconds(java.time.Duration limit) {
        return java.math.BigDecimal.valueOf(limit.toMillis()).movePointLeft(3).stripTrailingZeros().toPlainString();
    }

    private RuleFiringException threw(Phase phase, Throwable thrown, String firing) {
        Throwable cause = thrown instanceof org.kie.api.runtime.rule.ConsequenceException c && c.getCause() != null
                ? c.getCause() : thrown;
        String rule = thrown instanceof org.kie.api.runtime.rule.ConsequenceException c && c.getMatch() != null
                ? c.getMatch().getRule().getName() : firing;
        return new RuleFiringException(List.of(problem(rule, (rule != null ? "rule \"" + rule + "\"" : "a rule")
                + " threw " + cause.getClass().getName() + (cause.getMessage() == null ? "" : ": "
                + cause.getMessage().replace('\n', ' ')) + " in the " + phase.name().toLowerCase(java.util.Locale.ROOT)
                + " phase; nothing of the phase is used")));
    }

    /** The watch of the guarded work running on this thread, if any ({@link #guarded}). */
    private static final ThreadLocal<Watch> WATCH = new ThreadLocal<>();

    /** A phase's own exception, passed through to {@link #fire}'s handler. */
    private static final class Thrown extends RuntimeException {
        Thrown(Throwable cause) {
            super(cause);
        }
    }

    /**
     * One phase's session, fired by one thread under its own engine's time limit and watched by another, which stops
     * and halts it when it runs past its deadline. Exactly one of "the firing thread completes it" and "the watcher
     * stops it" happens. The session is disposed once no thread can be inside its rules: by the firing thread when
     * it leaves them, or by the watcher when it stopped the phase before it began.
     */
    private static final class Running {
        private static final int NEW = 0;
        private static final int FIRING = 1;
        private static final int DONE = 2;
        private static final int HALTED = 3;

        final DroolsRuleEngine engine;
        final KieSession session;
        final Phase phase;
        final AtomicReference<String> firing;
        private final long deadlineNanos;
        private final AtomicInteger state = new AtomicInteger(NEW);
        /** Guarded by this: a halt must not reach a session being disposed. */
        private boolean disposed;

        Running(DroolsRuleEngine engine, KieSession session, Phase phase, AtomicReference<String> firing,
                long deadlineNanos) {
            this.engine = engine;
            this.session = session;
            this.phase = phase;
            this.firing = firing;
            this.deadlineNanos = deadlineNanos;
        }

        /** Nanoseconds to the deadline, by its engine's clock: negative once past it. */
        long nanosLeft() {
            return deadlineNanos - engine.clock.getAsLong();
        }

        /** Fires the phase on this thread: its firings, or -1 when the watcher stopped it. */
        int fire(Collection<?> facts) {
            if (!state.compareAndSet(NEW, FIRING)) {
                return -1;
            }
            try {
                for (Object fact : facts) {
                    session.insert(fact);
                }
                List<String> groups = phase.groups();
                for (int i = groups.size() - 1; i >= 0; i--) {
                    session.getAgenda().getAgendaGroup(groups.get(i)).setFocus();
                }
                // a halt reaches only a session already firing: one stopped before (while its facts went in)
                // would fire on unhalted, so every match is refused once the phase is stopped
                int n = session.fireAllRules(match -> state.get() == FIRING, engine.limits.maxFirings());
                return state.compareAndSet(FIRING, DONE) ? n : -1;
            } catch (RuntimeException | Error e) {
                if (state.compareAndSet(FIRING, DONE)) {
                    throw new Thrown(e);
                }
                return -1;
            } finally {
                dispose();
            }
        }

        /**
         * By the watcher: claims the phase's end, false when it already ended. A phase stopped before it began never
         * fires, and its session is disposed here.
         */
        boolean stop() {
            for (int s = state.get(); s == NEW || s == FIRING; s = state.get()) {
                if (state.compareAndSet(s, HALTED)) {
                    if (s == NEW) {
                        dispose();
                    }
                    return true;
                }
            }
            return false;
        }

        /** After {@link #stop}: the firing returns once the consequence running (if any) returns. */
        synchronized void halt() {
            if (!disposed) {
                session.halt();
            }
        }

        private synchronized void dispose() {
            if (!disposed) {
                disposed = true;
                session.dispose();
            }
        }
    }

    /**
     * The phases of one guarded work, fired inline on its worker thread and watched by the caller, which halts one
     * that runs past its time and abandons the work. A compare-and-set or two per phase: no thread hand-off.
     */
    private static final class Watch {
        /** What {@link #current} holds once the caller gave up on the work: no phase of it starts after. */
        private static final Running ABANDONED = new Running(null, null, null, null, 0);

        /** The phase firing on the worker; null between phases. */
        private final AtomicReference<Running> current = new AtomicReference<>();

        /** The phase's firings, or -1 when the caller halted it; refused once the work was abandoned. */
        int fireInline(Running running, Collection<?> facts) {
            if (!current.compareAndSet(null, running)) {
                running.stop();
                throw new java.util.concurrent.CancellationException("the rules' guarded work was abandoned");
            }
            try {
                return running.fire(facts);
            } finally {
                current.compareAndSet(running, null);
            }
        }

        /** The phase firing now, if any. */
        Running firing() {
            Running r = current.get();
            return r == ABANDONED ? null : r;
        }

        /** Gives up on the work: from now on no phase of it starts. The phase firing now, if any. */
        Running abandon() {
            Running r = current.getAndSet(ABANDONED);
            return r == ABANDONED ? null : r;
        }
    }

    /**
     * Runs {@code work} on a worker thread on which every phase fires inline, under the same limits as a phase
     * fired on its own thread: this thread watches, halts a phase that runs past its time, abandons the work (a
     * consequence that never returns keeps the worker, a daemon) and throws the phase's RuleFiringException.
     * What {@code work} throws is thrown here. Meant for a backtest's thousands of short phases: on two cores in
     * a virtual machine each thread hand-off of {@link #fire} costs tens of microseconds, as much as a small phase.
     * A phase of another engine that {@code work} fires is held to that engine's limits.
     */
    @Override
    public <T> T guarded(java.util.function.Supplier<T> work) {
        if (WATCH.get() != null) {
            return work.get();
        }
        Watch watch = new Watch();
        Future<T> run = submit(() -> {
            WATCH.set(watch);
            try {
                return work.get();
            } finally {
                WATCH.remove();
            }
        });
        long poll = TimeUnit.MILLISECONDS.toNanos(Math.max(10, Math.min(250, limits.maxTime().toMillis() / 4)));
        try {
            long wait = poll;
            while (true) {
                try {
                    return run.get(wait, TimeUnit.NANOSECONDS);
                } catch (TimeoutException e) {
                    wait = poll;
                    Running r = watch.firing();
                    if (r != null) {
                        long left = r.nanosLeft();
                        if (left < 0 && r.stop()) {
                            throw haltOverdue(watch, run, r);
                        }
                        wait = Math.max(MIN_WAIT_NANOS, Math.min(poll, left + MIN_WAIT_NANOS));
                    }
                }
            }
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            if (e.getCause() instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            abandon(watch, run);
            throw new IllegalStateException("interrupted while the rules fired", e);
        }
    }

    private static final long MIN_WAIT_NANOS = TimeUnit.MILLISECONDS.toNanos(1);

    /** Abandons the work of {@code overdue}, which this thread stopped, halts it and gives its exception. */
    private static RuleFiringException haltOverdue(Watch watch, Future<?> run, Running overdue) {
        String rule = overdue.firing.get();
        abandon(watch, run);
        overdue.halt();
        return overdue.engine.timedOut(overdue.phase, rule);
    }

    /**
     * No phase of the work starts from now on, and the one firing is halted. The worker is interrupted before that
     * halt, so that it sees the interrupt as the phase returns.
     */
    private static void abandon(Watch watch, Future<?> run) {
        Running inFlight = watch.abandon();
        run.cancel(true);
        if (inFlight != null && inFlight.stop()) {
            inFlight.halt();
        }
    }

    /**
     * The rules of a phase that hit the firing limit: those whose consequences kept updating or deleting facts
     * first (they drive the loop), then the others that fired at least a quarter as often as the busiest.
     */
    private List<RuleProblem> looping(Phase phase, Map<String, Integer> counts, Map<String, Integer> updates) {
        int total = counts.values().stream().mapToInt(Integer::intValue).sum();
        int busiest = counts.values().stream().mapToInt(Integer::intValue).max().orElse(0);
        List<String> names = counts.keySet().stream()
                .filter(n -> updates.getOrDefault(n, 0) > 0 || counts.get(n) * 4L >= busiest)
                .sorted(java.util.Comparator.comparing((String n) -> -updates.getOrDefault(n, 0))
                        .thenComparing(n -> -counts.get(n)))
                .limit(12).toList();
        String phaseName = phase.name().toLowerCase(java.util.Locale.ROOT);
        List<RuleProblem> out = new ArrayList<>();
        for (String n : names) {
            int changed = updates.getOrDefault(n, 0);
            out.add(problem(n, "rule \"" + n + "\" kept firing: " + counts.get(n) + " of the " + total
                    + " firings of the " + phaseName + " phase, which stops at " + limits.maxFirings() + " ("
                    + RuleLimits.ENV_MAX_FIRINGS + ")" + (changed > 0 ? "; its consequence changed a fact " + changed
                    + " times, re-activating the rules that match it (no-loop, or a condition the change makes false,"
                    + " ends that)" : "")));
        }
        return out;
    }

    /** A firing problem at the rule's file and line when they can be found. */
    private RuleProblem problem(String rule, String message) {
        if (rule != null && files != null) {
            Optional<RuleSourceIndex.Source> s = sourceIndex().rule(rule);
            if (s.isPresent()) {
                return RuleProblem.error(s.get().file(), s.get().locate(null), message);
            }
        }
        return RuleProblem.error(files == null ? "rules" : files.dir().toString(), "", message);
    }

    private RuleSourceIndex sourceIndex() {
        Map<String, String> drl = new LinkedHashMap<>();
        Map<String, String> tables = new LinkedHashMap<>();
        for (Path p : files.drl()) {
            drl.put(files.relative(p), RuleFiles.read(p));
        }
        for (Path p : files.tables()) {
            try {
                drl.put(files.relative(p), DecisionTables.toDrl(p));
                tables.put(files.relative(p), DrlCompiler.firstSheet(p));
            } catch (RuntimeException e) {
                // a table that compiled before converts again; if not, the rule is named without its file
            }
        }
        return RuleSourceIndex.ofSheets(drl, tables);
    }

    /** Number of rules this engine runs. */
    public int ruleCount() {
        return ruleCount(kieBase);
    }

    @Override
    public String ruleSetHash() {
        return hash;
    }
}
