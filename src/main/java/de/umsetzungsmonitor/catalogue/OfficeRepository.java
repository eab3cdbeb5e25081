package de.umsetzungsmonitor.catalogue;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

public interface OfficeRepository extends JpaRepository<Office, Long> {

  Optional<Office> findByCode(String code);

  List<Office> findByCodeIn(Collection<String> codes);

  List<Office> findAllByOrderByNameAsc();
}
