package io.encore.simulator.csv;

import java.time.Instant;
import java.time.LocalDate;

import io.encore.simulator.audience.Audience;
import io.encore.simulator.catalogue.ConcertPlan;
import io.encore.simulator.catalogue.Inventory;
import io.encore.simulator.catalogue.Programme;
import io.encore.simulator.catalogue.Taxonomy;
import io.encore.simulator.history.HistoryGenerator;
import io.encore.simulator.output.EventSink;
import io.encore.simulator.output.OutputTopic;
import io.encore.simulator.output.SimRecord;

/**
 * The history of a seed as files for {@code ./encore import}: the reference data and ticket sales of the
 * years before the start date, and every concert of those seasons and the current one as it stands on the
 * start date (past concerts {@code PAST}, the current season on sale or not yet).
 */
public final class HistoryExport {

    private final long seed;
    private final Programme programme;
    private final Audience audience;
    private final Inventory inventory;

    public HistoryExport(long seed, int guests, int concertsPerSeason, LocalDate startDate, int historyYears) {
        this.seed = seed;
        Taxonomy taxonomy = Taxonomy.standard();
        this.programme = Programme.generate(taxonomy, seed, startDate, concertsPerSeason, historyYears);
        this.audience = Audience.generate(taxonomy, seed, guests, programme.current().start());
        this.inventory = new Inventory(programme, guests);
    }

    public Programme programme() {
        return programme;
    }

    public Audience audience() {
        return audience;
    }

    /** Writes the history, then the concerts as of the start date. */
    public HistoryGenerator.Summary writeTo(EventSink sink) {
        Instant start = programme.current().start();
        HistoryGenerator.Summary summary = new HistoryGenerator(programme, audience, inventory, seed)
                .run(programme.start(), start, sink, (guest, concert, refunded, at) -> { });
        for (ConcertPlan concert : programme.concerts()) {
            inventory.changed(concert, start.toEpochMilli(), start)
                    .ifPresent(c -> sink.accept(new SimRecord(OutputTopic.CONCERTS, c.getConcertId(), c)));
        }
        sink.flush();
        return summary;
    }
}
