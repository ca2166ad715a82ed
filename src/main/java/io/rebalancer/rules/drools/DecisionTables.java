package io.rebalancer.rules.drools;

import org.drools.decisiontable.InputType;
import org.drools.decisiontable.SpreadsheetCompiler;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/** Compiles a decision table (.drl.csv, .drl.xls, .drl.xlsx) to the DRL text Drools would build from it. */
public final class DecisionTables {
    private DecisionTables() {
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
