package io.rebalancer.market;

import io.rebalancer.domain.MarketDay;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;

/** Joins the VIX and risk-free files into {@link MarketDay}s; both must cover exactly the same dates. */
public final class MarketDays {
    private MarketDays() {
    }

    public static List<MarketDay> join(String vixFile, NavigableMap<LocalDate, Double> vix, String rfFile,
            NavigableMap<LocalDate, Double> rf) {
        for (LocalDate d : vix.keySet()) {
            if (!rf.containsKey(d)) {
                throw new DataFileException(rfFile, 0, "no row for " + d + ", which " + vixFile + " has");
            }
        }
        for (LocalDate d : rf.keySet()) {
            if (!vix.containsKey(d)) {
                throw new DataFileException(vixFile, 0, "no row for " + d + ", which " + rfFile + " has");
            }
        }
        List<MarketDay> out = new ArrayList<>(vix.size());
        for (Map.Entry<LocalDate, Double> e : vix.entrySet()) {
            out.add(new MarketDay(e.getKey(), e.getValue(), rf.get(e.getKey())));
        }
        return List.copyOf(out);
    }
}
