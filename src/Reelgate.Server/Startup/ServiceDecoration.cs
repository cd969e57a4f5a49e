namespace Reelgate.Server.Startup;

/// <summary>Wraps registered services in decorators (the stores' announcing and instrumentation; the engines' tracing).</summary>
public static class ServiceDecoration
{
    /// <summary>Wraps every registration of a service in a decorator (engines are many; the job store is one).</summary>
    public static IServiceCollection Decorate<TService>(
        this IServiceCollection services, Func<IServiceProvider, TService, TService> decorate)
        where TService : class
    {
        foreach (var descriptor in services.Where(d => d.ServiceType == typeof(TService)).ToList())
        {
            var index = services.IndexOf(descriptor);
            services[index] = ServiceDescriptor.Describe(
                typeof(TService), sp => decorate(sp, (TService)Create(sp, descriptor)), descriptor.Lifetime);
        }

        return services;
    }

    private static object Create(IServiceProvider services, ServiceDescriptor descriptor) =>
        descriptor.ImplementationInstance
        ?? descriptor.ImplementationFactory?.Invoke(services)
        ?? ActivatorUtilities.CreateInstance(services, descriptor.ImplementationType!);
}
