package io.rebalancer.rules.drools;

import io.rebalancer.rules.FiredRule;
import org.kie.api.event.rule.AfterMatchFiredEvent;
import org.kie.api.event.rule.BeforeMatchFiredEvent;
import org.kie.api.event.rule.DefaultAgendaEventListener;
import org.kie.api.event.rule.DefaultRuleRuntimeEventListener;
import org.kie.api.event.rule.ObjectInsertedEvent;
import org.kie.api.runtime.KieSession;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

/**
 * What a phase's session reports: the rules fired, the facts they inserted, per rule its firings and its fact
 * changes, and the rule whose consequence is running.
 */
final class PhaseLog {
    final List<FiredRule> fired = new ArrayList<>();
    final List<Object> conclusions = new ArrayList<>();
    final Map<String, Integer> counts = new LinkedHashMap<>();
    final Map<String, Integer> updates = new LinkedHashMap<>();
    final AtomicReference<String> firing = new AtomicReference<>();

    void attach(KieSession session) {
        session.addEventListener(new DefaultAgendaEventListener() {
            @Override
            public void beforeMatchFired(BeforeMatchFiredEvent event) {
                firing.set(event.getMatch().getRule().getName());
            }

            @Override
            public void afterMatchFired(AfterMatchFiredEvent event) {
                var rule = event.getMatch().getRule();
                fired.add(new FiredRule(rule.getName(), agendaGroupOf(rule), rule.getPackageName()));
                counts.merge(rule.getName(), 1, Integer::sum);
                firing.set(null);
            }
        });
        session.addEventListener(new DefaultRuleRuntimeEventListener() {
            @Override
            public void objectInserted(ObjectInsertedEvent event) {
                if (event.getRule() != null) {
                    conclusions.add(event.getObject());
                }
            }

            @Override
            public void objectUpdated(org.kie.api.event.rule.ObjectUpdatedEvent event) {
                if (event.getRule() != null) {
                    updates.merge(event.getRule().getName(), 1, Integer::sum);
                }
            }

            @Override
            public void objectDeleted(org.kie.api.event.rule.ObjectDeletedEvent event) {
                if (event.getRule() != null) {
                    updates.merge(event.getRule().getName(), 1, Integer::sum);
                }
            }
        });
    }

    private static String agendaGroupOf(org.kie.api.definition.rule.Rule rule) {
        if (rule instanceof org.drools.base.definitions.rule.impl.RuleImpl impl) {
            return impl.getAgendaGroup();
        }
        return "";
    }
}
