package io.rebalancer.agents;

import io.rebalancer.domain.PortfolioDefinition;
import io.rebalancer.rules.facts.PortfolioDrift;
import io.rebalancer.rules.facts.PositionDrift;
import io.rebalancer.rules.facts.SectorDrift;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Drift of every position and sector of a book against the targets, and the portfolio drift. */
public record DriftFacts(List<PositionDrift> positions, List<SectorDrift> sectors, PortfolioDrift portfolio) {

    public static DriftFacts of(Book book, PortfolioDefinition def) {
        List<PositionDrift> positions = new ArrayList<>();
        Map<String, double[]> sectorSums = new LinkedHashMap<>();
        double[] targets = book.targets(def);
        PositionDrift maxPosition = null;
        for (int i = 0; i < book.size(); i++) {
            String ticker = book.tickers().get(i).symbol();
            String sector = def.sectors().get(book.tickers().get(i));
            double w = book.weight(i);
            double drift = w - targets[i];
            PositionDrift p = new PositionDrift(ticker, sector, w, targets[i], drift, Math.abs(drift));
            positions.add(p);
            if (maxPosition == null || p.absDrift() > maxPosition.absDrift()) {
                maxPosition = p;
            }
            double[] s = sectorSums.computeIfAbsent(sector, k -> new double[2]);
            s[0] += w;
            s[1] += targets[i];
        }
        List<SectorDrift> sectors = new ArrayList<>();
        SectorDrift maxSector = null;
        for (Map.Entry<String, double[]> e : sectorSums.entrySet()) {
            double drift = e.getValue()[0] - e.getValue()[1];
            SectorDrift s = new SectorDrift(e.getKey(), e.getValue()[0], e.getValue()[1], drift, Math.abs(drift));
            sectors.add(s);
            if (maxSector == null || s.absDrift() > maxSector.absDrift()) {
                maxSector = s;
            }
        }
        PortfolioDrift total = new PortfolioDrift(book.portfolioDrift(def), maxPosition.absDrift(),
                maxPosition.ticker(), maxSector.absDrift(), maxSector.sector());
        return new DriftFacts(List.copyOf(positions), List.copyOf(sectors), total);
    }
}
