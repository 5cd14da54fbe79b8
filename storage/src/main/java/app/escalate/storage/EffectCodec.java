package app.escalate.storage;

import app.escalate.commands.CaseEvent;
import app.escalate.commands.CaseId;
import app.escalate.commands.ChannelId;
import app.escalate.commands.DraftKind;
import app.escalate.commands.OverdueReview;
import app.escalate.commands.SlackEffect;
import app.escalate.commands.UserId;
import app.escalate.config.Review;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Outbox rows outlive the code that wrote them, so each effect has an explicit, stable form:
 * a kind name and a flat JSON payload.
 */
final class EffectCodec {
    private EffectCodec() {
    }

    record Encoded(String kind, String payload) {
    }

    static Encoded encode(SlackEffect effect) {
        Map<String, String> p = new HashMap<>();
        if (effect instanceof SlackEffect.OnCase onCase) p.put("case", Long.toString(onCase.caseId().number()));
        String kind;
        if (effect instanceof SlackEffect.CreateChannel e) {
            kind = "create_channel";
            p.put("name", e.name());
            p.put("private", Boolean.toString(e.isPrivate()));
        } else if (effect instanceof SlackEffect.InviteToChannel e) {
            kind = "invite";
            p.put("users", e.users().stream().map(UserId::value).collect(Collectors.joining(",")));
        } else if (effect instanceof SlackEffect.PostCaseCard) {
            kind = "post_card";
        } else if (effect instanceof SlackEffect.PinCaseCard) {
            kind = "pin_card";
        } else if (effect instanceof SlackEffect.PostRunbook) {
            kind = "post_runbook";
        } else if (effect instanceof SlackEffect.ShowTriage) {
            kind = "show_triage";
        } else if (effect instanceof SlackEffect.UpdateTriage e) {
            kind = "update_triage";
            p.put("ts", e.messageTs());
        } else if (effect instanceof SlackEffect.ShowSimilar) {
            kind = "show_similar";
        } else if (effect instanceof SlackEffect.UpdateSimilar) {
            kind = "update_similar";
        } else if (effect instanceof SlackEffect.RequestSignOff e) {
            kind = "request_sign_off";
            p.put("decision", Integer.toString(e.decision()));
        } else if (effect instanceof SlackEffect.UpdateSignOff e) {
            kind = "update_sign_off";
            p.put("decision", Integer.toString(e.decision()));
            p.put("ts", e.messageTs());
        } else if (effect instanceof SlackEffect.AskRunbook e) {
            kind = "ask_runbook";
            p.put("question", e.question());
        } else if (effect instanceof SlackEffect.UpdateCaseCard) {
            kind = "update_card";
        } else if (effect instanceof SlackEffect.SetChannelTopic) {
            kind = "set_topic";
        } else if (effect instanceof SlackEffect.Announce e) {
            kind = "announce";
            p.put("event.kind", e.event().kind().name());
            p.put("event.actor", e.event().actor().value());
            p.put("event.at", e.event().at().toString());
            EventFields.of(e.event().data()).forEach((k, v) -> p.put("data." + k, v));
        } else if (effect instanceof SlackEffect.BriefGroup e) {
            kind = "brief_group";
            p.put("group", e.group());
            p.put("users", e.members().stream().map(UserId::value).collect(Collectors.joining(",")));
        } else if (effect instanceof SlackEffect.Page e) {
            kind = "page";
            p.put("user", e.user().value());
            p.put("level", e.level());
            p.put("rotation", e.rotation());
        } else if (effect instanceof SlackEffect.OfferTags e) {
            kind = "offer_tags";
            p.put("user", e.user().value());
            p.put("channel", e.channel().value());
            p.put("target", e.target());
        } else if (effect instanceof SlackEffect.Whisper e) {
            kind = "whisper";
            p.put("user", e.user().value());
            p.put("channel", e.channel().value());
            e.responseUrl().ifPresent(url -> p.put("response_url", url));
            p.put("text", e.text());
        } else if (effect instanceof SlackEffect.TeamNotice e) {
            kind = "team_notice";
            p.put("channel", e.channel());
            p.put("text", e.text());
        } else if (effect instanceof SlackEffect.PostHandoff e) {
            kind = "post_handoff";
            p.put("handoff", Long.toString(e.handoffId()));
            p.put("to", e.to());
            p.put("for_incoming", Boolean.toString(e.forIncoming()));
        } else if (effect instanceof SlackEffect.HandoffNotice e) {
            kind = "handoff_notice";
            p.put("handoff", Long.toString(e.handoffId()));
            p.put("notice", e.notice().name());
            p.put("to", e.to());
        } else if (effect instanceof SlackEffect.PostShiftReminder e) {
            kind = "shift_reminder";
            p.put("reminder", Long.toString(e.reminderId()));
            p.put("to", e.to());
        } else if (effect instanceof SlackEffect.SwapNotice e) {
            kind = "swap_notice";
            p.put("swap", Long.toString(e.swapId()));
            p.put("notice", e.notice().name());
            p.put("to", e.to());
        } else if (effect instanceof SlackEffect.PatternAlert e) {
            kind = "pattern_alert";
            p.put("channel", e.channel());
            p.put("spikes", String.join("\n", e.spikes().stream().map(EffectCodec::spike).toList()));
        } else if (effect instanceof SlackEffect.ReviewReminder e) {
            kind = "review_reminder";
            p.put("channel", e.channel());
            p.put("overdue", String.join("\n", e.overdue().stream().map(EffectCodec::overdue).toList()));
        } else if (effect instanceof SlackEffect.SendFile e) {
            kind = "send_file";
            p.put("user", e.user().value());
            p.put("filename", e.filename());
            p.put("title", e.title());
            p.put("comment", e.comment());
            p.put("content", e.content());
        } else if (effect instanceof SlackEffect.FairnessPost e) {
            kind = "fairness_post";
            p.put("channel", e.channel());
            p.put("text", e.text());
        } else if (effect instanceof SlackEffect.UploadStatsChart e) {
            kind = "upload_stats_chart";
            p.put("user", e.user().value());
            p.put("channel", e.channel().value());
            p.put("days", Integer.toString(e.days()));
        } else if (effect instanceof SlackEffect.ShowDraft e) {
            kind = "show_draft";
            p.put("draft", Long.toString(e.draftId()));
        } else if (effect instanceof SlackEffect.PostDraft e) {
            kind = "post_draft";
            p.put("draft", Long.toString(e.draftId()));
            p.put("to", e.to());
            p.put("leadership", Boolean.toString(e.leadership()));
        } else if (effect instanceof SlackEffect.ConfirmPosted e) {
            kind = "confirm_posted";
            p.put("draft", Long.toString(e.draftId()));
            p.put("user", e.user().value());
            p.put("text", e.note());
        } else if (effect instanceof SlackEffect.DraftReply e) {
            kind = "draft_reply";
            p.put("draft", Long.toString(e.draftId()));
            p.put("user", e.user().value());
            p.put("text", e.text());
        } else if (effect instanceof SlackEffect.ExecUpdateDue e) {
            kind = "exec_update_due";
            p.put("every", e.every().toString());
        } else if (effect instanceof SlackEffect.Respond e) {
            kind = "respond";
            p.put("user", e.user().value());
            p.put("response_url", e.responseUrl());
            p.put("text", e.text());
            if (e.formatted()) p.put("formatted", "true");
        } else if (effect instanceof SlackEffect.TellReporter e) {
            kind = "tell_reporter";
            p.put("user", e.reporter().value());
            e.responseUrl().ifPresent(url -> p.put("response_url", url));
        } else if (effect instanceof SlackEffect.SuggestSimilar e) {
            kind = "suggest_similar";
            p.put("case", Long.toString(e.caseId().number()));
        } else if (effect instanceof SlackEffect.TriageCase e) {
            kind = "triage_case";
            p.put("case", Long.toString(e.caseId().number()));
        } else if (effect instanceof SlackEffect.WriteDraft e) {
            kind = "write_draft";
            p.put("case", Long.toString(e.caseId().number()));
            p.put("kind", e.kind().id());
            p.put("user", e.requester().value());
            p.put("channel", e.channel().value());
            e.responseUrl().ifPresent(url -> p.put("response_url", url));
        } else if (effect instanceof SlackEffect.RecordPin e) {
            kind = "record_pin";
            p.put("channel", e.channel().value());
            p.put("ts", e.ts());
            p.put("user", e.pinnedBy().value());
        } else if (effect instanceof SlackEffect.Notify e) {
            kind = "notify";
            p.put("user", e.user().value());
            p.put("text", e.text());
        } else if (effect instanceof SlackEffect.AdHocPage e) {
            kind = "ad_hoc_page";
            p.put("page", Integer.toString(e.page()));
        } else if (effect instanceof SlackEffect.PagerCall e) {
            kind = "pager_call";
            p.put("case", Long.toString(e.caseId().number()));
            p.put("pager", e.pager());
            p.put("action", e.action());
            p.put("dedup_key", e.dedupKey());
            p.put("page", Integer.toString(e.page()));
            e.person().ifPresent(u -> p.put("user", u.value()));
        } else if (effect instanceof SlackEffect.CallBack e) {
            kind = "call_back";
            p.put("case", Long.toString(e.caseId().number()));
            p.put("change", e.change());
            p.put("at", e.at().toString());
            e.resolution().ifPresent(r -> p.put("resolution", r));
        } else if (effect instanceof SlackEffect.ZonedCommand e) {
            kind = "apply_override";
            p.put("user", e.user().value());
            p.put("channel", e.channel().value());
            p.put("response_url", e.responseUrl());
            p.put("text", e.command());
        } else {
            throw new IllegalArgumentException("no outbox form for " + effect);
        }
        return new Encoded(kind, Json.write(p));
    }

    static SlackEffect decode(String kind, String payload) {
        Map<String, String> p = Json.read(payload);
        switch (kind) {
            case "team_notice" -> {
                return new SlackEffect.TeamNotice(p.get("channel"), p.get("text"));
            }
            case "post_handoff" -> {
                return new SlackEffect.PostHandoff(Long.parseLong(p.get("handoff")), p.get("to"), Boolean.parseBoolean(p.get("for_incoming")));
            }
            case "handoff_notice" -> {
                return new SlackEffect.HandoffNotice(Long.parseLong(p.get("handoff")),
                        SlackEffect.HandoffNotice.Notice.valueOf(p.get("notice")), p.get("to"));
            }
            case "shift_reminder" -> {
                return new SlackEffect.PostShiftReminder(Long.parseLong(p.get("reminder")), p.get("to"));
            }
            case "swap_notice" -> {
                return new SlackEffect.SwapNotice(Long.parseLong(p.get("swap")), SlackEffect.SwapNotice.Notice.valueOf(p.get("notice")), p.get("to"));
            }
            case "pattern_alert" -> {
                String spikes = p.getOrDefault("spikes", "");
                return new SlackEffect.PatternAlert(p.get("channel"), spikes.isEmpty() ? List.of()
                        : Arrays.stream(spikes.split("\n")).map(EffectCodec::spike).toList());
            }
            case "review_reminder" -> {
                return new SlackEffect.ReviewReminder(p.get("channel"),
                        Arrays.stream(p.get("overdue").split("\n")).map(EffectCodec::overdue).toList());
            }
            case "send_file" -> {
                return new SlackEffect.SendFile(new UserId(p.get("user")), p.get("filename"), p.get("title"), p.get("comment"), p.get("content"));
            }
            case "fairness_post" -> {
                return new SlackEffect.FairnessPost(p.get("channel"), p.get("text"));
            }
            case "upload_stats_chart" -> {
                return new SlackEffect.UploadStatsChart(new UserId(p.get("user")), new ChannelId(p.get("channel")), Integer.parseInt(p.get("days")));
            }
            case "show_draft" -> {
                return new SlackEffect.ShowDraft(Long.parseLong(p.get("draft")));
            }
            case "post_draft" -> {
                // Rows from before leadership was recorded: only a name (not an id) was ever leadership's.
                return new SlackEffect.PostDraft(Long.parseLong(p.get("draft")), p.get("to"),
                        Boolean.parseBoolean(p.getOrDefault("leadership", Boolean.toString(ChannelId.parse(p.get("to")).isEmpty()))));
            }
            case "confirm_posted" -> {
                return new SlackEffect.ConfirmPosted(Long.parseLong(p.get("draft")), new UserId(p.get("user")), p.get("text"));
            }
            case "draft_reply" -> {
                return new SlackEffect.DraftReply(Long.parseLong(p.get("draft")), new UserId(p.get("user")), p.get("text"));
            }
            case "record_pin" -> {
                return new SlackEffect.RecordPin(new ChannelId(p.get("channel")), p.get("ts"), new UserId(p.get("user")));
            }
            case "notify" -> {
                return new SlackEffect.Notify(new UserId(p.get("user")), p.get("text"));
            }
            case "apply_override" -> {
                return new SlackEffect.ZonedCommand(new UserId(p.get("user")), new ChannelId(p.get("channel")), p.get("response_url"),
                        p.get("text"));
            }
            case "respond" -> {
                return new SlackEffect.Respond(new UserId(p.get("user")), p.get("response_url"), p.get("text"),
                        Boolean.parseBoolean(p.get("formatted")));
            }
            default -> {
            }
        }
        CaseId caseId = new CaseId(Long.parseLong(p.get("case")));
        return switch (kind) {
            case "create_channel" -> new SlackEffect.CreateChannel(caseId, p.get("name"), Boolean.parseBoolean(p.get("private")));
            case "invite" -> new SlackEffect.InviteToChannel(caseId, users(p.get("users")));
            case "post_card" -> new SlackEffect.PostCaseCard(caseId);
            case "pin_card" -> new SlackEffect.PinCaseCard(caseId);
            case "post_runbook" -> new SlackEffect.PostRunbook(caseId);
            case "ask_runbook" -> new SlackEffect.AskRunbook(caseId, p.get("question"));
            case "show_triage" -> new SlackEffect.ShowTriage(caseId);
            case "update_triage" -> new SlackEffect.UpdateTriage(caseId, p.get("ts"));
            case "show_similar" -> new SlackEffect.ShowSimilar(caseId);
            case "update_similar" -> new SlackEffect.UpdateSimilar(caseId);
            case "suggest_similar" -> new SlackEffect.SuggestSimilar(caseId);
            case "request_sign_off" -> new SlackEffect.RequestSignOff(caseId, Integer.parseInt(p.get("decision")));
            case "update_sign_off" -> new SlackEffect.UpdateSignOff(caseId, Integer.parseInt(p.get("decision")), p.get("ts"));
            case "update_card" -> new SlackEffect.UpdateCaseCard(caseId);
            case "set_topic" -> new SlackEffect.SetChannelTopic(caseId);
            case "announce" -> new SlackEffect.Announce(caseId, event(caseId, p));
            case "brief_group" -> new SlackEffect.BriefGroup(caseId, p.get("group"), users(p.get("users")));
            case "page" -> new SlackEffect.Page(caseId, new UserId(p.get("user")), p.get("level"), p.get("rotation"));
            case "offer_tags" -> new SlackEffect.OfferTags(caseId, new UserId(p.get("user")), new ChannelId(p.get("channel")), p.get("target"));
            case "whisper" -> new SlackEffect.Whisper(caseId, new UserId(p.get("user")), new ChannelId(p.get("channel")),
                    Optional.ofNullable(p.get("response_url")), p.get("text"));
            case "exec_update_due" -> new SlackEffect.ExecUpdateDue(caseId, java.time.Duration.parse(p.get("every")));
            case "triage_case" -> new SlackEffect.TriageCase(caseId);
            case "ad_hoc_page" -> new SlackEffect.AdHocPage(caseId, Integer.parseInt(p.get("page")));
            case "pager_call" -> new SlackEffect.PagerCall(caseId, p.get("pager"), p.get("action"), p.get("dedup_key"),
                    Integer.parseInt(p.get("page")), Optional.ofNullable(p.get("user")).map(UserId::new));
            case "call_back" -> new SlackEffect.CallBack(caseId, p.get("change"), java.time.Instant.parse(p.get("at")),
                    Optional.ofNullable(p.get("resolution")));
            case "write_draft" -> new SlackEffect.WriteDraft(caseId, DraftKind.of(p.get("kind")).orElseThrow(), new UserId(p.get("user")),
                    new ChannelId(p.get("channel")), Optional.ofNullable(p.get("response_url")));
            case "tell_reporter" -> new SlackEffect.TellReporter(caseId, new UserId(p.get("user")),
                    Optional.ofNullable(p.get("response_url")));
            default -> throw new IllegalArgumentException("unknown outbox kind " + kind);
        };
    }

    /** One spike as a line: what, last day's count, daily mean, p-value, case numbers, restricted count; tab-separated. */
    private static String spike(app.escalate.commands.PatternSpike s) {
        return String.join("\t", s.what().replace("\t", " ").replace("\n", " "), Integer.toString(s.lastDay()), Double.toString(s.dailyMean()),
                Double.toString(s.pValue()), s.cases().stream().map(id -> Long.toString(id.number())).collect(Collectors.joining(",")),
                Integer.toString(s.restricted()));
    }

    private static app.escalate.commands.PatternSpike spike(String line) {
        String[] f = line.split("\t", -1);
        return new app.escalate.commands.PatternSpike(f[0], Integer.parseInt(f[1]), Double.parseDouble(f[2]), Double.parseDouble(f[3]),
                f[4].isEmpty() ? List.of() : Arrays.stream(f[4].split(",")).map(n -> new CaseId(Long.parseLong(n))).toList(), Integer.parseInt(f[5]));
    }

    private static String overdue(OverdueReview o) {
        return String.join("\t", o.what().replace("\t", " ").replace("\n", " "), o.review().owner(), o.review().reviewBy().toString());
    }

    private static OverdueReview overdue(String line) {
        String[] f = line.split("\t", -1);
        return new OverdueReview(f[0], new Review(f[1], java.time.LocalDate.parse(f[2])));
    }

    private static CaseEvent event(CaseId caseId, Map<String, String> p) {
        Map<String, String> data = new HashMap<>();
        p.forEach((k, v) -> {
            if (k.startsWith("data.")) data.put(k.substring("data.".length()), v);
        });
        return new CaseEvent(caseId, Instant.parse(p.get("event.at")), new UserId(p.get("event.actor")),
                EventFields.read(CaseEvent.Kind.valueOf(p.get("event.kind")), data));
    }

    private static List<UserId> users(String csv) {
        return csv == null || csv.isEmpty() ? List.of() : Arrays.stream(csv.split(",")).map(UserId::new).toList();
    }
}
