package dev.carrier.gateway.frontend;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;

import reactor.core.publisher.Mono;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.Resource;
import org.springframework.core.io.ResourceLoader;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.config.ResourceHandlerRegistry;
import org.springframework.web.reactive.config.WebFluxConfigurer;
import org.springframework.web.reactive.function.BodyInserters;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import org.springframework.web.server.ResponseStatusException;

/**
 * Serves the built web client ({@code spring.web.resources.static-locations}, by default
 * {@code frontend/dist/}). The client routes in the browser, so a page load of any app
 * path ({@code /chats/42}) gets {@code index.html}; API, actuator and docs paths never
 * do. Vite puts a content hash in every file under {@code /assets/}, so those are cached
 * for a year; {@code index.html} is revalidated on every load so a new build is picked up
 * at once.
 */
@Configuration(proxyBeanMethods = false)
class FrontendConfiguration implements WebFluxConfigurer {

	private static final List<String> NOT_APP_PATHS = List.of("/api/", "/actuator", "/v3/", "/swagger-ui", "/webjars/",
			"/internal/");

	private final List<String> locations;

	private final ResourceLoader resourceLoader;

	FrontendConfiguration(@Value("${spring.web.resources.static-locations}") String[] locations,
			ResourceLoader resourceLoader) {
		this.locations = Arrays.stream(locations).map(l -> l.endsWith("/") ? l : l + "/").toList();
		this.resourceLoader = resourceLoader;
	}

	@Override
	public void addResourceHandlers(ResourceHandlerRegistry registry) {
		registry.addResourceHandler("/assets/**")
			.addResourceLocations(this.locations.stream().map(l -> l + "assets/").toArray(String[]::new))
			.setCacheControl(CacheControl.maxAge(Duration.ofDays(365)).cachePublic().immutable());
	}

	@Bean
	RouterFunction<ServerResponse> singlePageApp() {
		return RouterFunctions.route(FrontendConfiguration::isPageLoad, request -> index());
	}

	private Mono<ServerResponse> index() {
		Resource index = this.locations.stream()
			.map(location -> this.resourceLoader.getResource(location + "index.html"))
			.filter(Resource::exists)
			.findFirst()
			.orElse(null);
		if (index == null) {
			return Mono.error(new ResponseStatusException(HttpStatus.NOT_FOUND, "The web client is not built."));
		}
		return ServerResponse.ok()
			.contentType(MediaType.TEXT_HTML)
			.cacheControl(CacheControl.noCache())
			.body(BodyInserters.fromResource(index));
	}

	/**
	 * A browser navigating to an app path: GET, asks for HTML, not a file, not
	 * API/docs/actuator.
	 */
	static boolean isPageLoad(ServerRequest request) {
		if (!"GET".equals(request.method().name()) || !acceptsHtml(request)) {
			return false;
		}
		String path = request.path();
		if (path.equals("/index.html")) {
			return true;
		}
		if (path.equals("/api") || NOT_APP_PATHS.stream().anyMatch(path::startsWith)) {
			return false;
		}
		String lastSegment = path.substring(path.lastIndexOf('/') + 1);
		return !lastSegment.contains(".");
	}

	private static boolean acceptsHtml(ServerRequest request) {
		return request.headers()
			.accept()
			.stream()
			.anyMatch(type -> "text".equals(type.getType()) && "html".equals(type.getSubtype()));
	}

}
