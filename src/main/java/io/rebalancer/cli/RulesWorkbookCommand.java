package io.rebalancer.cli;

import io.rebalancer.rules.workbook.DecisionWorkbook;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;

/** {@code rules workbook FILE.drl.csv [--out FILE.drl.xlsx]}: a CSV decision table as an analyst's workbook. */
@Command(name = "workbook", mixinStandardHelpOptions = true,
        description = {"Write a CSV decision table as a .drl.xlsx workbook Drools reads the same way: one value per"
                + " cell (comma lists split into columns), the Drools rows grouped and collapsed, frozen panes,"
                + " drop-down lists wherever the code fixes the values (regimes, scenarios, timings, verdicts,"
                + " severities, failure kinds, Review cadences, phases, true/false), a comment with unit and meaning"
                + " on each header. The CSV is left in place: remove it once the workbook validates, or both compile.",
                "Example: rules workbook my-rules/thresholds.drl.csv --out my-rules/thresholds.drl.xlsx"})
public class RulesWorkbookCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "FILE", description = "The .drl.csv table")
    Path table;

    @Option(names = "--out", description = "The workbook to write (default: FILE with .drl.xlsx for .drl.csv)")
    Path out;

    @Override
    public Integer call() {
        String name = table.getFileName().toString();
        if (!Files.isRegularFile(table)) {
            throw new IllegalArgumentException(table + ": no such file");
        }
        if (!name.toLowerCase(Locale.ROOT).endsWith(".drl.csv")) {
            throw new IllegalArgumentException(table + ": not a CSV decision table (the name must end in .drl.csv)");
        }
        Path target = out != null ? out : table.resolveSibling(name.substring(0, name.length() - 4) + ".xlsx");
        DecisionWorkbook.convert(table, target);
        spec.commandLine().getOut().println("wrote " + target);
        spec.commandLine().getOut().flush();
        return ExitCodes.OK;
    }
}
