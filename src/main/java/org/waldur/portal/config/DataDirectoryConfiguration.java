package org.waldur.portal.config;

import java.nio.file.Path;

import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.EnvironmentAware;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.core.env.Environment;

/**
 * Keeps the data directory private before anything opens a file in it: it is created with
 * mode 700, and start-up is refused when it exists and other users can read it. Once the
 * portal has started, and again as it stops, every file in it (the embedded database's
 * included) is made readable by the portal's own user only.
 */
@Configuration(proxyBeanMethods = false)
class DataDirectoryConfiguration {

	@Bean
	static DataDirectoryGuard dataDirectoryGuard() {
		return new DataDirectoryGuard();
	}

	@Bean
	ApplicationListener<ApplicationReadyEvent> tightenDataFilesWhenReady(PortalProperties properties) {
		return (event) -> PrivateFiles.tighten(properties.dataDir());
	}

	@Bean
	ApplicationListener<ContextClosedEvent> tightenDataFilesWhenClosed(PortalProperties properties) {
		return (event) -> PrivateFiles.tighten(properties.dataDir());
	}

	/** Runs before any bean, the data source included, is created. */
	static class DataDirectoryGuard implements BeanFactoryPostProcessor, EnvironmentAware {

		private Path dataDir = Path.of("data");

		@Override
		public void setEnvironment(Environment environment) {
			this.dataDir = Path.of(environment.getProperty("portal.data-dir", "./data"));
		}

		@Override
		public void postProcessBeanFactory(ConfigurableListableBeanFactory beanFactory) {
			PrivateFiles.ensurePrivateDirectory(this.dataDir);
		}

	}

}
