package de.umsetzungsmonitor.notification;

import org.springframework.data.jpa.repository.JpaRepository;

interface NotificationSettingRepository extends JpaRepository<NotificationSetting, String> {}
