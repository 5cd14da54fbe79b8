package app.escalate.commands;

import app.escalate.config.Review;

/** One overdue piece of judgment: what it is (plain text), its owner and its date. */
public record OverdueReview(String what, Review review) {
}
