package io.rebalancer.store;

import io.rebalancer.domain.PortfolioDefinition;
import java.util.List;
import java.util.Optional;

/** Portfolio definitions by id. */
public interface PortfolioStore {
    Optional<PortfolioDefinition> definition(String id);

    /** All stored ids, sorted. */
    List<String> portfolioIds();

    /** Inserts or replaces the definition with the same id. */
    void saveDefinition(PortfolioDefinition definition);
}
