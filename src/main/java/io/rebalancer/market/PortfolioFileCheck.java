package io.rebalancer.market;

import io.rebalancer.domain.PortfolioDefinition;
import io.rebalancer.store.Stores;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Compares the portfolio files of a backtest-data directory with the definitions in the store, which were read
 * from them when the store was seeded: a file edited since then, a file the store does not hold and a file that no
 * longer reads are each one finding, so a changed file is never silently ignored.
 */
public final class PortfolioFileCheck {
    private PortfolioFileCheck() {
    }

    /**
     * One file that does not match the store; {@link #message()} is the line to show. {@code unread} is the
     * reader's error when the file does not read; {@code stored} whether the store holds the portfolio.
     */
    public record Finding(Path file, String portfolioId, List<PortfolioFields.Difference> differences,
                          DataFileException unread, boolean frozen, boolean stored) {
        public Finding {
            differences = List.copyOf(differences);
        }

        public String message() {
            String update = "'portfolio update " + file + "'";
            if (unread != null) {
                return stored ? unread.getMessage() + "; the stored portfolio is used" : notLoaded(unread);
            }
            if (differences.isEmpty()) {
                return file + ": portfolio " + portfolioId + " is not in the store; " + update + " adds it";
            }
            PortfolioFields.Difference first = differences.get(0);
            String more = differences.size() == 1 ? "" : " and " + (differences.size() - 1) + " more field"
                    + (differences.size() == 2 ? "" : "s");
            String prefix = file + " differs from the stored portfolio " + portfolioId + ": ";
            if (frozen) {
                PortfolioFields.Difference f = differences.stream()
                        .filter(d -> PortfolioFields.shapesHoldings(d.field())).findFirst().orElseThrow();
                return prefix + f + more + "; the stored one is used: " + portfolioId
                        + " has live decisions, so basis, inception and targets cannot change (use a new portfolio id)";
            }
            return prefix + first + more + "; the stored one is used until " + update + " takes the file up";
        }
    }

    /** The line that says a portfolio file that does not read was left out of the store. */
    public static String notLoaded(DataFileException unread) {
        return unread.getMessage() + "; this portfolio is not loaded";
    }

    /** The findings for {@code dir/portfolios/*.json}, by file name; empty when every file matches the store. */
    public static List<Finding> check(Stores stores, Path backtestDataDir) {
        Path dir = backtestDataDir.resolve("portfolios");
        List<Finding> out = new ArrayList<>();
        if (!Files.isDirectory(dir)) {
            return out;
        }
        List<Path> files = new ArrayList<>();
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(dir, "*.json")) {
            stream.forEach(files::add);
        } catch (IOException e) {
            return out;
        }
        files.sort(null);
        for (Path file : files) {
            PortfolioDefinition fromFile;
            try {
                fromFile = PortfolioJson.read(file);
            } catch (DataFileException e) {
                String id = PortfolioJson.idOf(file);
                out.add(new Finding(file, id, List.of(), e, false, stores.portfolios().definition(id).isPresent()));
                continue;
            }
            Optional<PortfolioDefinition> stored = stores.portfolios().definition(fromFile.id());
            if (stored.isEmpty()) {
                out.add(new Finding(file, fromFile.id(), List.of(), null, false, false));
                continue;
            }
            List<PortfolioFields.Difference> differences = PortfolioFields.differences(stored.get(), fromFile);
            if (!differences.isEmpty()) {
                boolean frozen = differences.stream().anyMatch(d -> PortfolioFields.shapesHoldings(d.field()))
                        && isLive(stores, fromFile.id());
                out.add(new Finding(file, fromFile.id(), differences, null, frozen, true));
            }
        }
        return out;
    }

    /**
     * Whether the portfolio has live decisions or executions: then its holdings history is fixed, and basis,
     * inception and targets ({@link PortfolioFields#shapesHoldings}) can no longer change.
     */
    public static boolean isLive(Stores stores, String portfolioId) {
        return !stores.decisions().recent(portfolioId, null, 1).isEmpty()
                || !stores.ledger().executions(portfolioId).isEmpty();
    }
}
