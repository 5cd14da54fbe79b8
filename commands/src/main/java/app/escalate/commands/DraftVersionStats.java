package app.escalate.commands;

/** One prompt version's record: drafts decided as posted unchanged, posted edited, discarded, regenerated; mean edit ratio of the posted ones. */
public record DraftVersionStats(DraftKind kind, String promptVersion, int asIs, int edited, int discarded, int regenerated,
                           double meanEditRatio, int fellBack) {
    public int decided() {
        return asIs + edited + discarded + regenerated;
    }

    public double acceptance() {
        return decided() == 0 ? 0 : (double) (asIs + edited) / decided();
    }
}
