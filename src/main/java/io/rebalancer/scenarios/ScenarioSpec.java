package io.rebalancer.scenarios;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * A golden rule scenario ({@code scenarios/*.json}, snake_case keys): either hand-written {@code facts} run
 * through the monitor, analyze and decide phases of the rule engine, or a real {@code market_day} of a portfolio
 * run through the whole agent cycle; and what must come out. docs/RULES.md describes every field.
 */
@JsonIgnoreProperties(ignoreUnknown = false)
public record ScenarioSpec(String name, String description, Facts facts, MarketDay marketDay, Expect expect) {

    /**
     * Hand-written facts. Fractions of NAV for weights, drift, turnover and cost; VaR a one-day return. Thresholds come
     * from the rule set's thresholds.drl.xlsx; {@code reviewDay} (default false) says whether today is the first day of every calendar period (a review day for any cadence);
     * {@code reviewCalendar} instead names which periods are new today (unset ones are not), to test a cadence.
     */
    record Facts(List<Position> positions, Boolean reviewDay, ReviewPeriods reviewCalendar, Bounds bounds, Risk risk, Market market,
                 String previousRegime, Integer daysSinceLastRebalance, Integer recentRebalances, Adaptive adaptive,
                 Double trackingError, Double excessTrackingError, List<Scenario> scenarios, List<Outcome> outcomes) {
    }

    record Position(String ticker, String sector, double weight, double target) {
    }

    /** Which calendar periods start today (unset: false); the Review column's cadence decides whether that is a review day. */
    record ReviewPeriods(Boolean newWeek, Boolean newMonth, Boolean newQuarter, Boolean newYear) {
    }

    record Bounds(double minDriftCritical, double maxDriftCritical) {
    }

    record Risk(double var95, double sharpe, double beta, Double volatility, Double drawdown) {
    }

    record Market(double vix, double realizedVol, Double benchmarkDrawdown, Double vixPercentile) {
    }

    record Adaptive(double persistentOffset, double temporaryOffset, boolean temporaryActive) {
    }

    /**
     * One simulated scenario for the analyze phase. {@code trades}: tickers it trades (default: every position
     * with a drift); unset risk figures default to the current ones (so the scenario counts as risk-reducing).
     * Tracking errors are annualised fractions; the excess ones (drift beyond the bands, what the cost-benefit values)
     * default to the tracking error to target. {@code withinTargetRisk} (default false): its VaR and beta are no worse
     * than the target portfolio's.
     */
    record Scenario(String type, Double turnover, Double cost, Double driftAfter, Double trackingErrorAfter,
                    Double excessTrackingErrorAfter, Double varAfter, Double betaAfter, Double sharpeAfter, Boolean withinTargetRisk, List<String> trades) {
    }

    record Outcome(String regime, String type, int count, double meanRegret, double meanOutcome, Double hitRate,
                   Double activeT) {
    }

    /**
     * A real market day: the portfolio's holdings bought at the close of {@code holdingsFrom} (default: its
     * inception) and carried live-cycle style to {@code asOf}, with the agent's memory as given.
     */
    record MarketDay(String portfolio, LocalDate asOf, LocalDate holdingsFrom, String previousRegime,
                     LocalDate lastRebalance, Double persistentOffset, List<Outcome> outcomes) {
    }

    /** What must come out; null fields are not checked. "none" for chosen/timing means no conclusion. */
    record Expect(String regime, String verdict, String recommended, String chosen, String timing, List<String> vetoed,
                  List<String> notVetoed, List<String> thresholdChanges, Map<String, String> priorities,
                  List<String> fired, List<String> notFired) {
    }

    static final ObjectMapper MAPPER = new ObjectMapper().registerModule(new JavaTimeModule())
            .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    static ScenarioSpec read(Path file) {
        try {
            ScenarioSpec s = MAPPER.readValue(file.toFile(), ScenarioSpec.class);
            if (s.name() == null || s.name().isBlank()) {
                throw new IllegalArgumentException(file + ": a scenario needs a \"name\"");
            }
            if ((s.facts() == null) == (s.marketDay() == null)) {
                throw new IllegalArgumentException(file + ": give either \"facts\" or \"market_day\", not both or neither");
            }
            if (s.expect() == null) {
                throw new IllegalArgumentException(file + ": a scenario needs an \"expect\" block");
            }
            return s;
        } catch (IOException e) {
            String msg = e instanceof com.fasterxml.jackson.core.JsonProcessingException j
                    ? j.getOriginalMessage() + (j.getLocation() == null ? "" : " (line " + j.getLocation().getLineNr() + ")")
                    : e.getMessage();
            throw new IllegalArgumentException(file + ": " + msg.lines().findFirst().orElse(""), e);
        }
    }
}
