package io.rebalancer.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class ShardTest {
    @Test
    void parse_kOverN_readsBoth() {
        assertEquals(Shard.of(2, 8), Shard.parse("2/8"));
        assertEquals("2/8", Shard.parse(" 2 / 8 ").toString());
    }

    @Test
    void parse_badText_saysWhatAShardIs() {
        for (String bad : List.of("2", "/8", "2/", "a/b", "8/8", "-1/4", "0/0")) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Shard.parse(bad), bad);
            assertTrue(e.getMessage().contains("K/N") && e.getMessage().contains("'" + bad + "'"), e.getMessage());
        }
    }

    @Test
    void contains_crc32OfTheIdModN_asPythonZlibComputesIt() {
        // zlib.crc32(b"ACC-00001") = 3185192086 (mod 4 = 2), zlib.crc32(b"HOLD") = 694149299 (mod 4 = 3, mod 7 = 4)
        assertTrue(Shard.of(2, 4).contains("ACC-00001"));
        assertFalse(Shard.of(0, 4).contains("ACC-00001"));
        assertTrue(Shard.of(3, 4).contains("HOLD"));
        assertTrue(Shard.of(4, 7).contains("HOLD"));
        assertTrue(Shard.ALL.contains("anything"));
    }

    @Test
    void contains_everyIdInExactlyOneOfTheShards() {
        for (int n = 1; n <= 9; n++) {
            for (int i = 0; i < 500; i++) {
                String id = "ACC-" + i;
                int owners = 0;
                for (int k = 0; k < n; k++) {
                    owners += Shard.of(k, n).contains(id) ? 1 : 0;
                }
                assertEquals(1, owners, id + " over " + n + " shards");
            }
        }
    }
}
