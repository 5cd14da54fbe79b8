package app.escalate.commands.handlers;

import app.escalate.commands.CaseAction;
import app.escalate.commands.CaseFile;
import app.escalate.commands.Decision;
import app.escalate.commands.UserId;

import java.time.Instant;

/** A sub-command that changes a case: given the case as it is, decide. Pure; the store supplies the case and keeps the result. */
interface CaseChange<A extends CaseAction> {
    Decision decide(CaseFile file, A action, UserId actor, Instant now);
}
