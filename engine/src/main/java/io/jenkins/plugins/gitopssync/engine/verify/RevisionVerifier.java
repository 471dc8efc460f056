package io.jenkins.plugins.gitopssync.engine.verify;

import io.jenkins.plugins.gitopssync.engine.SyncException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.eclipse.jgit.errors.MissingObjectException;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Ref;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.lib.SignatureVerifiers;
import org.eclipse.jgit.lib.GpgConfig.GpgFormat;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevObject;
import org.eclipse.jgit.revwalk.RevTag;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;

/**
 * The verification step between checkout and render: reads the commit (and, for {@code tag} and
 * {@code both}, the annotated tag the user asked for, which must point at that commit) from the
 * repository and checks each signature the mode asks for against the trusted keys. Returns who signed,
 * or throws {@link SignatureException} naming the revision, the key and the reason.
 */
public final class RevisionVerifier {

    private RevisionVerifier() {
    }

    public static VerifiedRevision verify(SignatureCheck check) {
        return verify(check, new Date());
    }

    /** With an explicit "now", against which key expiry and revocation are judged. */
    public static VerifiedRevision verify(SignatureCheck check, Date now) {
        if (check.trusted().isEmpty()) {
            throw new SyncException("signature check of " + SignatureException.shortId(check.commit())
                    + " asked for, but no trusted keys given: pass OpenPGP public keys or allowed-signers lines");
        }
        try (Repository repo = new FileRepositoryBuilder().setGitDir(check.gitDir().toFile()).setMustExist(true)
                .build(); RevWalk walk = new RevWalk(repo)) {
            RevCommit commit = commit(walk, check.commit());
            List<Signer> signers = new ArrayList<>();
            if (check.mode().tag()) {
                RevTag tag = tag(repo, walk, check);
                signers.add(verifyOne(repo, check, SignedObject.of(tag), now));
            }
            if (check.mode().commit()) {
                signers.add(verifyOne(repo, check, SignedObject.of(commit), now));
            }
            return new VerifiedRevision(commit.name(), check.mode(), signers);
        } catch (IOException e) {
            throw new SyncException("signature check: cannot read " + SignatureException.shortId(check.commit())
                    + " from the Git repository " + check.gitDir() + ": " + e.getMessage(), e);
        }
    }

    private static RevCommit commit(RevWalk walk, String id) throws IOException {
        try {
            return walk.parseCommit(ObjectId.fromString(id));
        } catch (IllegalArgumentException | MissingObjectException e) {
            throw new SyncException("signature check: " + id + " is not a commit of the checked-out repository");
        }
    }

    private static RevTag tag(Repository repo, RevWalk walk, SignatureCheck check) throws IOException {
        String revision = check.commit();
        String object = check.tag() == null ? "revision " + SignatureException.shortId(revision)
                : "tag " + Repository.shortenRefName(check.tag());
        if (check.tag() == null) {
            throw new SignatureException(revision, object, Reason.NO_TAG, null,
                    "signature mode '" + check.mode().word() + "' needs the ref to name an annotated, signed tag");
        }
        String name = check.tag().startsWith(Constants.R_TAGS) ? check.tag() : Constants.R_TAGS + check.tag();
        Ref ref = repo.exactRef(name);
        if (ref == null) {
            throw new SignatureException(revision, object, Reason.NO_TAG, null, "no such tag in the repository");
        }
        RevObject target = walk.parseAny(ref.getObjectId());
        if (!(target instanceof RevTag tag)) {
            throw new SignatureException(revision, object, Reason.UNSIGNED, null,
                    "it is a lightweight tag (git tag -s makes a signed, annotated one)");
        }
        RevObject peeled = walk.peel(tag);
        if (!peeled.getId().name().equals(revision)) {
            throw new SignatureException(revision, object, Reason.TAG_MISMATCH, null,
                    "it points at " + SignatureException.shortId(peeled.getId().name()));
        }
        return tag;
    }

    private static Signer verifyOne(Repository repo, SignatureCheck check, SignedObject object, Date now) {
        String revision = check.commit();
        if (!object.signed()) {
            throw new SignatureException(revision, object.object(), Reason.UNSIGNED, null,
                    "signature mode '" + check.mode().word() + "' accepts signed " + (check.mode() == VerifyMode.BOTH
                            ? "tags pointing at signed commits" : check.mode().word() + "s") + " only");
        }
        GpgFormat format = SignatureVerifiers.getFormat(object.signature());
        if (format == GpgFormat.OPENPGP) {
            return new OpenPgpVerifier(OpenPgpCertificates.all(check.trusted())).verify(revision, object, now);
        }
        if (format == GpgFormat.SSH) {
            return new SshVerifier(check.trusted().allowedSigners()).verify(repo, revision, object);
        }
        throw new SignatureException(revision, object.object(), Reason.UNREADABLE_SIGNATURE, null,
                "only OpenPGP and SSH signatures are supported" + (format == null ? "" : ", not " + format.name()));
    }
}
