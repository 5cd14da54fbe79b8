package app.escalate.config;

import java.util.List;

/** Lists of Slack user ids in the policy. */
final class Groups {
    private Groups() {
    }

    static List<String> members(String key, List<String> members) {
        List<String> list = List.copyOf(members == null ? List.of() : members);
        for (String member : list) {
            if (!member.matches("[UW][A-Z0-9]{2,20}")) {
                throw new IllegalArgumentException(key + ": \"" + member + "\" is not a Slack user id (U…)");
            }
        }
        return list;
    }
}
