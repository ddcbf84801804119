package org.millrace.ha;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The election and retrieval of one role within this JVM: the first contender leads; when it withdraws,
 * the next one is granted a new session id. Retrievers hear only confirmed leaders.
 *
 * <p>State is guarded by {@code lock}; callbacks are queued on the shared notifier (a single thread)
 * while the lock is held, so every contender and listener hears changes in the order they happened,
 * and never under the lock.
 */
final class EmbeddedLeaderService {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedLeaderService.class);

    private final String role;
    private final Executor notifier;
    /** The session id of each grant: random, or fixed for standalone clusters. */
    private final Supplier<UUID> sessionIds;
    private final Object lock = new Object();

    /** Waiting and current contenders, in arrival order. Guarded by {@code lock}. */
    private final LinkedHashSet<LeaderContender> contenders = new LinkedHashSet<>();
    /** Guarded by {@code lock}. */
    private final List<LeaderRetrievalListener> listeners = new ArrayList<>();
    /** Guarded by {@code lock}. */
    private LeaderContender leader;
    /** The session granted to {@link #leader}. Guarded by {@code lock}. */
    private UUID leaderSessionId;
    /** Set once the leader confirmed its session. Guarded by {@code lock}. */
    private LeaderInformation confirmed;

    EmbeddedLeaderService(String role, Executor notifier, Supplier<UUID> sessionIds) {
        this.role = role;
        this.notifier = notifier;
        this.sessionIds = sessionIds;
    }

    LeaderElection newLeaderElection() {
        return new Election();
    }

    LeaderRetrievalService newLeaderRetrievalService() {
        return new Retrieval();
    }

    private void addContender(LeaderContender contender) {
        synchronized (lock) {
            if (!contenders.add(contender)) {
                throw new IllegalStateException("Contender already takes part in the " + role + " election");
            }
            if (leader == null) {
                grantNext();
            }
        }
    }

    private void removeContender(LeaderContender contender) {
        synchronized (lock) {
            if (!contenders.remove(contender) || contender != leader) {
                return;
            }
            leader = null;
            leaderSessionId = null;
            if (confirmed != null) {
                confirmed = null;
                notifyListeners(null);
            }
            if (!contenders.isEmpty()) {
                grantNext();
            }
        }
    }

    /** Called with {@code lock} held. */
    private void grantNext() {
        LeaderContender next = contenders.iterator().next();
        UUID session = sessionIds.get();
        leader = next;
        leaderSessionId = session;
        LOG.debug("Granting {} leadership with session {}", role, session);
        notify(() -> next.grantLeadership(session));
    }

    private void confirm(LeaderContender contender, UUID session, String address) {
        synchronized (lock) {
            if (contender != leader || !session.equals(leaderSessionId)) {
                LOG.debug("Ignoring confirmation of stale {} session {}", role, session);
                return;
            }
            confirmed = new LeaderInformation(session, address);
            notifyListeners(confirmed);
        }
    }

    private boolean hasLeadership(LeaderContender contender, UUID session) {
        synchronized (lock) {
            return contender == leader && session != null && session.equals(leaderSessionId);
        }
    }

    private void addListener(LeaderRetrievalListener listener) {
        synchronized (lock) {
            listeners.add(listener);
            LeaderInformation current = confirmed;
            if (current != null) {
                notify(() -> listener.notifyLeaderAddress(current.address(), current.leaderSessionId()));
            }
        }
    }

    private void removeListener(LeaderRetrievalListener listener) {
        synchronized (lock) {
            listeners.remove(listener);
        }
    }

    /** Called with {@code lock} held. */
    private void notifyListeners(LeaderInformation info) {
        for (LeaderRetrievalListener l : listeners) {
            notify(() -> l.notifyLeaderAddress(
                    info == null ? null : info.address(), info == null ? null : info.leaderSessionId()));
        }
    }

    private void notify(Runnable callback) {
        try {
            notifier.execute(() -> {
                try {
                    callback.run();
                } catch (RuntimeException e) {
                    LOG.error("A {} leader callback failed", role, e);
                }
            });
        } catch (RejectedExecutionException e) {
            LOG.debug("HA services closed; dropping a {} leader notification", role);
        }
    }

    /** One contender's seat. */
    private final class Election implements LeaderElection {
        /** Set once by the contender's thread; read by later calls from its main thread. */
        private volatile LeaderContender contender;

        @Override
        public void startLeaderElection(LeaderContender leaderContender) {
            if (contender != null) {
                throw new IllegalStateException("The " + role + " election was already started");
            }
            contender = leaderContender;
            addContender(leaderContender);
        }

        @Override
        public void confirmLeadership(UUID leaderSessionId, String address) {
            if (contender != null) {
                confirm(contender, leaderSessionId, address);
            }
        }

        @Override
        public boolean hasLeadership(UUID leaderSessionId) {
            return contender != null && EmbeddedLeaderService.this.hasLeadership(contender, leaderSessionId);
        }

        @Override
        public void close() {
            if (contender != null) {
                removeContender(contender);
            }
        }
    }

    /** One listener's subscription. */
    private final class Retrieval implements LeaderRetrievalService {
        /** Set once by the starting thread. */
        private volatile LeaderRetrievalListener listener;

        @Override
        public void start(LeaderRetrievalListener leaderListener) {
            if (listener != null) {
                throw new IllegalStateException("The " + role + " leader retrieval was already started");
            }
            listener = leaderListener;
            addListener(leaderListener);
        }

        @Override
        public void close() {
            if (listener != null) {
                removeListener(listener);
            }
        }
    }
}
