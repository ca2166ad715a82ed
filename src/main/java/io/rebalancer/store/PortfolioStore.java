package io.rebalancer.store;

import io.rebalancer.domain.Account;
import io.rebalancer.domain.ModelVersion;
import io.rebalancer.domain.PortfolioDefinition;
import java.util.List;
import java.util.Optional;

/** Portfolio definitions by id, with the model each follows and its do-not-trade flag, and the model versions. */
public interface PortfolioStore {
    Optional<PortfolioDefinition> definition(String id);

    /** All stored ids, sorted. */
    List<String> portfolioIds();

    /** Inserts or replaces the definition with the same id; a stored model and do-not-trade flag are kept. */
    void saveDefinition(PortfolioDefinition definition);

    /** The stored portfolio with its model and flag. */
    Optional<Account> account(String id);

    /** Every stored portfolio, by id, in one read. */
    List<Account> accounts();

    /** Inserts or replaces each account (definition, model and flag) in one bulk write. */
    void saveAccounts(List<Account> accounts);

    /** Deletes the portfolio; false when it was not stored. Its decisions and executions stay. */
    boolean remove(String id);

    /** The versions of a model, oldest first; empty when the model is unknown. */
    List<ModelVersion> modelVersions(String model);

    /** Every version of every model, by model then effective date. */
    List<ModelVersion> allModelVersions();

    /** Inserts or replaces each version by (model, effective date) in one bulk write. */
    void saveModelVersions(List<ModelVersion> versions);
}
