package app.escalate.storage;

import app.escalate.commands.Case;
import app.escalate.commands.CaseEvent;
import app.escalate.commands.CaseId;
import app.escalate.commands.CaseStore;
import app.escalate.commands.ChannelId;
import app.escalate.commands.NewCase;
import app.escalate.commands.SlackEffect;
import org.jdbi.v3.core.Jdbi;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/** {@link CaseStore} on Jdbi: a case, its timeline entry and its outbox effects commit together. */
public final class JdbiCaseStore implements CaseStore {
    private final Jdbi jdbi;

    public JdbiCaseStore(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    @Override
    public Case open(NewCase draft, Function<Case, List<SlackEffect>> effects) {
        return jdbi.inTransaction(h -> {
            long number = h.attach(CaseDao.class).insert(draft.title(), draft.severity().level(), "TRIAGE",
                    draft.caseType().orElse(null), draft.reporter().value(), draft.openedAt());
            Case opened = draft.numbered(new CaseId(number));
            h.attach(TimelineDao.class).append(CaseEvent.opened(opened));
            OutboxDao outbox = h.attach(OutboxDao.class);
            for (SlackEffect effect : effects.apply(opened)) {
                EffectCodec.Encoded encoded = EffectCodec.encode(effect);
                outbox.insert(EffectCodec.streamOf(effect), encoded.kind(), encoded.payload(), draft.openedAt());
            }
            return opened;
        });
    }

    @Override
    public Optional<Case> find(CaseId id) {
        return jdbi.withExtension(CaseDao.class, dao -> dao.find(id.number()));
    }

    @Override
    public Optional<Case> findByChannel(ChannelId channel) {
        return jdbi.withExtension(CaseDao.class, dao -> dao.findByChannel(channel.value()));
    }

    @Override
    public List<Case> openCases() {
        return jdbi.withExtension(CaseDao.class, CaseDao::open);
    }

    @Override
    public List<CaseEvent> timeline(CaseId id) {
        return jdbi.withExtension(TimelineDao.class, dao -> dao.forCase(id.number()));
    }

    /** The timestamp of the case's pinned card message, once posted. */
    public Optional<String> cardTs(CaseId id) {
        return jdbi.withExtension(CaseDao.class, dao -> dao.cardTs(id.number()));
    }
}
