package io.rebalancer.portfolio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rebalancer.agents.Cycle;
import io.rebalancer.agents.CycleRecord;
import io.rebalancer.domain.Account;
import io.rebalancer.domain.ModelVersion;
import io.rebalancer.market.BacktestDataSeeder;
import io.rebalancer.rules.drools.DroolsRuleEngine;
import io.rebalancer.service.DoNotTradeException;
import io.rebalancer.service.ExecutionService;
import io.rebalancer.service.LiveCycleService;
import io.rebalancer.store.StoreConfig;
import io.rebalancer.store.Stores;
import io.rebalancer.store.open.StoreOpener;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PortfolioImportTest {
    @TempDir
    Path dir;

    private Stores stores;

    @BeforeEach
    void open() {
        stores = StoreOpener.open(StoreConfig.inMemory());
        BacktestDataSeeder.seedIfEmpty(stores, Path.of("backtest-data"));
    }

    @AfterEach
    void close() {
        stores.close();
    }

    /** The model file of the reference portfolio's terms (backtest-data/portfolios/PORT_A_TechGrowth.json). */
    private Path model(String name, String effective, String driftCritical, String aaplWeight) throws IOException {
        String portfolio = Files.readString(Path.of("backtest-data/portfolios/PORT_A_TechGrowth.json"));
        String body = portfolio.substring(portfolio.indexOf("\"benchmark\""))
                .replace("\"drift_critical_pct\": 3,", "\"drift_critical_pct\": " + driftCritical + ",")
                .replace("{ \"ticker\": \"AAPL\",  \"sector\": \"Technology\", \"weight_pct\": 10 }",
                        "{ \"ticker\": \"AAPL\",  \"sector\": \"Technology\", \"weight_pct\": " + aaplWeight + " }");
        Path file = dir.resolve(name + "-" + effective + ".json");
        Files.writeString(file, "{\n  \"model\": \"" + name + "\",\n  \"effective_from\": \"" + effective + "\",\n  "
                + body);
        return file;
    }

    private Path csv(String name, String text) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, text);
        return file;
    }

    private PortfolioImport.Result importing(Path... files) {
        return new PortfolioImport(stores).run(List.of(files));
    }

    @Test
    void run_csvWithOneBadLine_namesFileLineAndFieldAndStoresNothing() throws IOException {
        Path csv = csv("accounts.csv", "id,model,basis,inception,do_not_trade\n"
                + "A1,growth,250000,2024-01-02,\n"
                + "A2,growth,-100,2024-01-02,false\n"
                + "A3,growth,100000,2024-03-01,true\n");

        PortfolioImport.Result r = importing(model("growth", "2024-01-02", "3", "10"), csv);

        // line 1 is the header, so the third data-bearing line of the file is line 3
        assertEquals(List.of(csv + ":3: field 'basis' value '-100' must be a positive amount in dollars and cents"),
                r.problems());
        assertEquals(List.of(), stores.portfolios().allModelVersions());
        assertEquals(List.of("PORT_A_TechGrowth"), stores.portfolios().portfolioIds());
    }

    @Test
    void run_everyKindOfProblem_oneLineEach() throws IOException {
        Path sum = model("short", "2024-01-02", "3", "9"); // 99 % in all
        Path unknown = csv("unknown.csv", "id,model,basis,inception\n"
                + "B1,nosuch,100,2024-01-02\n"
                + "B2,growth,100,2024-01-06\n" // a Saturday: no closes to buy at
                + "B3,growth,0,2024-01-02\n"
                + "B4,growth,100,2024-02-30\n"
                + "B1,growth,100,2024-01-02\n");

        PortfolioImport.Result r = importing(sum, model("growth", "2024-01-02", "3", "10"), unknown);

        assertEquals(List.of(
                sum + ": targets sum to 99.0 %, not 100 %",
                unknown + ":4: field 'basis' value '0' must be a positive amount in dollars and cents",
                unknown + ":5: field 'inception' value '2024-02-30' is not a date (yyyy-mm-dd)",
                unknown + ":2: field 'model' value 'nosuch' is not a stored or imported model (models: growth)",
                unknown + ":3: field 'inception' value '2024-01-06': model growth's tickers AAPL, MSFT, GOOGL, NVDA, META,"
                        + " XLK, XOM, CVX, COP, XLE, SPY, QQQ, IWM have no price in the store on that day"), r.problems());
        assertFalse(r.ok());
        assertEquals(List.of(), stores.portfolios().allModelVersions());
    }

    @Test
    void run_duplicateIdAndTickerWithoutPrices_named() throws IOException {
        Path growth = model("growth", "2024-01-02", "3", "10");
        Path withZzz = dir.resolve("odd-2024-01-02.json");
        Files.writeString(withZzz, Files.readString(growth).replace("\"growth\"", "\"odd\"").replace("\"IWM\"", "\"ZZZZ\""));
        Path a = csv("a.csv", "id,model,basis,inception\nX1,growth,100,2024-01-02\n");
        Path b = csv("b.csv", "id,model,basis,inception\nX1,growth,200,2024-01-02\n");

        PortfolioImport.Result r = importing(growth, withZzz, a, b);

        assertEquals(List.of(
                "model odd effective 2024-01-02: field 'targets' ticker 'ZZZZ' has no price in the store on its latest"
                        + " day 2025-12-31",
                b + ":2: field 'id' value 'X1' is imported twice (first at " + a + ":2)"), r.problems());
    }

    @Test
    void cycle_modelChange_appliesFromItsEffectiveDateAndEarlierDaysKeepTheirVersion() throws IOException {
        Path csv = csv("accounts.csv", "id,model,basis,inception,do_not_trade\nACC1,growth,250000,2024-01-02,\n");
        PortfolioImport.Result r = importing(model("growth", "2024-01-02", "3", "10"),
                model("growth", "2025-01-02", "4", "10"), csv);
        assertEquals(List.of(), r.problems());
        List<ModelVersion> versions = stores.portfolios().modelVersions("growth");
        assertEquals(List.of(LocalDate.of(2024, 1, 2), LocalDate.of(2025, 1, 2)),
                versions.stream().map(ModelVersion::effectiveFrom).toList());
        Account acc = stores.portfolios().account("ACC1").orElseThrow();
        assertEquals(0.03, acc.definition().thresholds().driftCritical()); // the inception's version

        Cycle cycle = new Cycle(DroolsRuleEngine.load(Path.of("rules")));
        LiveCycleService live = new LiveCycleService(stores, cycle);
        LocalDate before = LocalDate.of(2024, 12, 31);
        LocalDate after = LocalDate.of(2025, 1, 3);
        // run the later day first: the earlier day must still use the version in force on it
        CycleRecord late = live.run("ACC1", after).record();
        CycleRecord early = live.run("ACC1", before).record();

        assertEquals(Cycle.cycleId(versions.get(1).applyTo("ACC1", acc.definition().basis(),
                acc.definition().inception()), after, cycle.rulesHash(), null), late.cycleId());
        assertEquals(Cycle.cycleId(versions.get(0).applyTo("ACC1", acc.definition().basis(),
                acc.definition().inception()), before, cycle.rulesHash(), null), early.cycleId());
    }

    @Test
    void execute_doNotTradeAccount_refusedWhileItsCyclesRun() throws IOException {
        Path csv = csv("accounts.csv", "id,model,basis,inception,do_not_trade\nHOLD,growth,1000000,2024-01-02,true\n");
        assertEquals(List.of(), importing(model("growth", "2024-01-02", "3", "10"), csv).problems());
        LiveCycleService live = new LiveCycleService(stores, new Cycle(DroolsRuleEngine.load(Path.of("rules"))));
        // 2024-11-21 is the README's triggered day for the same terms: a REBALANCE decision
        CycleRecord record = live.run("HOLD", LocalDate.of(2024, 11, 21)).record();
        assertTrue(record.rebalanced());

        DoNotTradeException e = assertThrows(DoNotTradeException.class,
                () -> new ExecutionService(stores).execute(record.cycleId()));
        assertTrue(e.getMessage().contains("HOLD is marked do-not-trade"), e.getMessage());
        assertEquals(List.of(), stores.ledger().executions("HOLD"));

        PortfolioBook book = new PortfolioBook(stores);
        assertFalse(book.remove("HOLD", false).removed());
        assertTrue(book.remove("HOLD", true).removed());
        assertTrue(stores.portfolios().account("HOLD").isEmpty());
    }

    @Test
    void export_thenImport_roundTripsTheTermsInForce() throws IOException {
        Path csv = csv("accounts.csv", "id,model,basis,inception\nRT,growth,123456.78,2024-03-01\n");
        assertEquals(List.of(), importing(model("growth", "2024-01-02", "3", "10"),
                model("growth", "2025-01-02", "4", "10"), csv).problems());
        PortfolioBook book = new PortfolioBook(stores);
        Path out = dir.resolve("RT2.json");
        Files.writeString(out, book.export("RT").replace("\"RT\"", "\"RT2\""));

        assertEquals(List.of(), importing(out).problems());
        Account copy = stores.portfolios().account("RT2").orElseThrow();
        assertNull(copy.model());
        assertEquals(0, copy.definition().basis().compareTo(new java.math.BigDecimal("123456.78")));
        assertEquals(0.04, copy.definition().thresholds().driftCritical()); // the version in force on 2025-12-31
        assertEquals(List.of("PORT_A_TechGrowth", "RT", "RT2"),
                book.list().stream().map(PortfolioBook.Entry::id).toList());
    }
}
