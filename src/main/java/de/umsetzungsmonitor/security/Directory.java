package de.umsetzungsmonitor.security;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Service;

/**
 * Users and groups as Camunda's identity service (database or LDAP) knows them. Its lists are the
 * application's own look-ups (one user's groups, one office's members), run on behalf of a logged-in
 * caller: they use {@code unlimitedList()}, which the engine's {@code queryMaxResultsLimit} leaves alone.
 */
@Service
public class Directory {

  private final IdentityService identity;

  public Directory(IdentityService identity) {
    this.identity = identity;
  }

  public Optional<User> user(String userId) {
    return Optional.ofNullable(identity.createUserQuery().userId(userId).singleResult());
  }

  public String displayName(String userId) {
    return user(userId).map(Directory::nameOf).orElse(userId);
  }

  public static String nameOf(User user) {
    String name = ((user.getFirstName() == null ? "" : user.getFirstName()) + " "
        + (user.getLastName() == null ? "" : user.getLastName())).strip();
    return name.isEmpty() ? user.getId() : name;
  }

  public boolean groupExists(String groupId) {
    return identity.createGroupQuery().groupId(groupId).count() > 0;
  }

  /** The group's name as Admin shows it, or its id when it has none (or does not exist). */
  public String groupName(String groupId) {
    Group group = identity.createGroupQuery().groupId(groupId).singleResult();
    return group == null || group.getName() == null || group.getName().isBlank() ? groupId : group.getName();
  }

  public List<String> groupIdsOf(String userId) {
    return identity.createGroupQuery().groupMember(userId).unlimitedList().stream().map(Group::getId).toList();
  }

  /** Members of the given groups by user id, in the order of the groups, each user once. */
  public Map<String, User> membersOf(Collection<String> groupIds) {
    Map<String, User> members = new LinkedHashMap<>();
    for (String groupId : groupIds) {
      for (User user : identity.createUserQuery().memberOfGroup(groupId).orderByUserLastName().asc().unlimitedList()) {
        members.putIfAbsent(user.getId(), user);
      }
    }
    return members;
  }

  /**
   * Runs an engine call without the caller's authorizations, for reads the application has already
   * allowed by its own check; the caller's identity is restored afterwards.
   */
  public <T> T asSystem(Supplier<T> call) {
    Authentication caller = identity.getCurrentAuthentication();
    identity.clearAuthentication();
    try {
      return call.get();
    } finally {
      if (caller != null) {
        identity.setAuthentication(caller);
      }
    }
  }

  /** The user on whose behalf the engine is working right now, if any. */
  public Optional<String> currentUserId() {
    Authentication authentication = identity.getCurrentAuthentication();
    return Optional.ofNullable(authentication).map(Authentication::getUserId);
  }
}
