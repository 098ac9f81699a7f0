package dev.carrier.gateway.routing;

import org.springframework.cloud.loadbalancer.annotation.LoadBalancerClient;
import org.springframework.context.annotation.Configuration;

/**
 * Binds {@code lb://chat-service} to the instances listed in {@code CARRIER_CHAT_URL}.
 */
@Configuration(proxyBeanMethods = false)
@LoadBalancerClient(name = ChatInstances.SERVICE_ID, configuration = ChatInstances.class)
class ChatLoadBalancing {

}
