/**
 * Who is on call when: follow-the-sun layers, weekends, holidays and overrides turned into
 * shifts, with every instant computed in the layer's own time zone so daylight-saving changes and
 * zones on either side of the date line come out right; and how evenly those shifts were shared
 * ({@link app.escalate.commands.oncall.Fairness}), in real elapsed hours.
 */
package app.escalate.commands.oncall;
