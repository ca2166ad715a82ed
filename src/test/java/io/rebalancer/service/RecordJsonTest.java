package io.rebalancer.service;

import com.fasterxml.jackson.databind.JsonNode;
import io.rebalancer.agents.AgentMemory;
import io.rebalancer.domain.Regime;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

class RecordJsonTest {
    record Sample(String cycleId, double var95Historical, Map<String, Double> prices, LocalDate asOf) {
    }

    @Test
    void write_record_snakeCaseKeysAndMapKeysAsTheyAre() {
        String json = RecordJson.write(new Sample("c1", -0.02, Map.of("NVDA", 137.34), LocalDate.of(2024, 12, 12)));
        assertEquals("{\"cycle_id\":\"c1\",\"var95_historical\":-0.02,\"prices\":{\"NVDA\":137.34},"
                + "\"as_of\":\"2024-12-12\"}", json);
    }

    @Test
    void read_camelCaseWrittenBeforeTheSwitch_readsTheSameValues() {
        Sample old = RecordJson.read("{\"cycleId\":\"c1\",\"var95Historical\":-0.02,\"prices\":{\"NVDA\":137.34},"
                + "\"asOf\":\"2024-12-12\"}", Sample.class);
        assertEquals(new Sample("c1", -0.02, Map.of("NVDA", 137.34), LocalDate.of(2024, 12, 12)), old);
    }

    @Test
    void read_nestedCamelCase_renamedAtEveryLevel() {
        AgentMemory m = RecordJson.read("{\"persistentOffset\":0.0025,\"temporaryOffset\":0.005,"
                + "\"temporaryUntil\":\"2024-12-15\",\"lastRegime\":\"MODERATE\",\"rebalanceDates\":[\"2024-12-12\"]}",
                AgentMemory.class);
        assertEquals(new AgentMemory(0.0025, 0.005, LocalDate.of(2024, 12, 15), Regime.MODERATE,
                List.of(LocalDate.of(2024, 12, 12))), m);
    }

    @Test
    void readTree_mixedStyles_snakeCaseWinsWhenBothArePresent() throws Exception {
        JsonNode n = RecordJson.readTree("{\"asOf\":\"old\",\"as_of\":\"new\",\"list\":[{\"cycleId\":\"x\"}],"
                + "\"MODERATE\":1,\"2024-12-12\":2}");
        assertEquals("new", n.path("as_of").asText());
        assertFalse(n.has("asOf"));
        assertEquals("x", n.path("list").get(0).path("cycle_id").asText());
        assertTrue(n.has("MODERATE") && n.has("2024-12-12"));
    }
}
