package io.rebalancer.rules.drools;

import org.drools.decisiontable.InputType;
import org.drools.decisiontable.SpreadsheetCompiler;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import io.rebalancer.rules.RuleProblem;
import io.rebalancer.rules.RuleSetException;

/** Compiles a decision table (.drl.csv, .drl.xls, .drl.xlsx) to the DRL text Drools would build from it. */
public final class DecisionTables {
    private DecisionTables() {
    }

    /**
     * The DRL of a table for {@code rules dump-drl}; a table Drools cannot parse throws {@link RuleSetException}
     * naming the file and, when the message gives one, the cell.
     */
    public static String dump(Path table) {
        String file = table.getFileName().toString();
        try {
            return toDrl(table);
        } catch (org.drools.template.parser.DecisionTableParseException e) {
            throw new RuleSetException(List.of(RuleProblem.error(file, DroolsRuleEngine.parseExceptionCell(e.getMessage()),
                    e.getMessage())));
        } catch (UncheckedIOException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new RuleSetException(List.of(RuleProblem.error(file, "", "cannot compile the decision table: "
                    + e.getMessage())));
        }
    }

    public static String toDrl(Path table) {
        String name = table.getFileName().toString().toLowerCase(Locale.ROOT);
        try (InputStream in = Files.newInputStream(table)) {
            SpreadsheetCompiler compiler = new SpreadsheetCompiler();
            if (name.endsWith(".csv")) {
                return compiler.compile(in, InputType.CSV);
            }
            return compiler.compile(in, InputType.XLS);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read decision table " + table, e);
        }
    }
}
