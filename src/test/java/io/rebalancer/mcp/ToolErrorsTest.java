package io.rebalancer.mcp;

import io.rebalancer.market.PriceSourceException;
import io.rebalancer.service.NotFoundException;
import io.rebalancer.service.PortfolioBusyException;
import io.rebalancer.store.StoreException;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Method;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/** A tool error's text is the line the command line prints after "error: " for the same failure. */
class ToolErrorsTest {
    @Test
    void message_ofEachKindOfFailure_isTheCommandLinesMessage() throws Exception {
        Method cli = Class.forName("io.rebalancer.cli.Main").getDeclaredMethod("message", Throwable.class);
        cli.setAccessible(true);
        List<Throwable> failures = List.of(new NotFoundException("unknown portfolio 'X'"),
                new PortfolioBusyException("portfolio P is in use by another process"),
                new IllegalArgumentException("shares must be a positive whole number, was 0"),
                new StoreException("the store cannot be reached"), new PriceSourceException("Yahoo answered 500", null),
                new IllegalStateException("a bug"), new NullPointerException());
        for (Throwable t : failures) {
            assertEquals(cli.invoke(null, t), ToolErrors.message(t), t.getClass().getSimpleName());
        }
    }
}
