package app.escalate.commands;

import java.util.List;

/** The sub-commands this bot understands, one line each, as {@code /esc help} shows them. */
public final class Usage {
    public static final List<String> LINES = List.of(
            "`/esc open <title> [sev1-4] [type:<case-type>]` open a case and its channel (default SEV3)",
            "`/esc status [ESC-<n>]` the case card here, or the open cases, most severe first",
            "`/esc ack` · `/esc sev <1-4> [because <reason>]` · `/esc state <triage|investigating|mitigated|monitoring>`",
            "`/esc owner @person` · `/esc note <text>` · `/esc task add <text> [@person]` · `/esc task done <n>` · `/esc task list`",
            "`/esc set <field> <value>` one of the facts the case's type carries (`/esc set` alone lists them)",
            "`/esc deadline <name> <YYYY-MM-DD HH:MM | in 4h>` a deadline someone else set (your time zone) · `/esc deadline done <name>`"
                    + " · `/esc deadline drop <name> because <reason>` · `/esc deadline` lists them",
            "`/esc decide <decision> because <rationale> [instead of <alternative>] [needs: legal, policy]` record a decision, signed off by one of each group · `/esc decisions` where each stands · `/esc decide override <n> because <reason>` (its decider) let an objected one stand",
            "`/esc page @person|<group> <reason>` page anyone (an expert, a manager) by their own steps, until they press Acknowledge page",
            "`/esc loop <group>` · `/esc resolve <resolution> [cause:<root-cause>]` · `/esc reopen`",
            "`/esc link ESC-<n>` · `/esc unlink ESC-<n>` related cases · `/esc merge ESC-<n>` this case duplicates ESC-<n>: resolved, its work moves there",
            "`/esc timeline [page]` · `/esc summary` an executive summary to review and post · `/esc rca` a root-cause write-up (outside a case channel, put the case id first: `/esc ack ESC-12`)",
            "`/esc runbook` walk the case type's decision tree in the case channel, a question at a time",
            "`/esc watch [off]` flag the case for the next handoff (and the weekend) · `/esc oncall` who is on call now, the next handoff, any not yet accepted",
            "`/esc oncall report [30d|90d|quarter] [csv]` how evenly on-call was shared: hours, nights, weekends, holidays and pages per person (`csv`: the figures by DM, for payroll)",
            "`/esc handoff [rotation]` the digest the next handoff would carry · `/esc handoff note <text>` leave a note for it · `/esc handoff history` the last ones",
            "`/esc override @person <from> <to> [primary|secondary]` take over a shift (times like 2026-11-28 09:00, your zone) · `/esc override remove <n>`",
            "`/esc swap <from> <to> [primary|secondary] [with @person]` ask your rotation (or one person) to cover part of your shift; the first to press Cover takes it · `/esc swap cancel <n>`",
            "`/esc search <words> [type:<t>] [sev:<n>] [state:open|resolved] [since:<YYYY-MM-DD>]` cases like these words, by meaning too",
            "`/esc tag` the AI's overrides on this case, to tag or change why it was wrong · `/esc ai [7d|30d|90d]` the team's AI per surface and version",
            "`/esc stats` the team's figures and how the AI drafts are doing · `/esc help` this message");

    private Usage() {
    }
}
