using System.Diagnostics.CodeAnalysis;
using System.Reflection;

namespace ShelfReady.Orchestration.Execution;

/// <summary>Creates workflow and activity classes with their constructor dependencies, without a DI container package.</summary>
internal static class ServiceActivator
{
    public static T Create<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicConstructors)] T>(IServiceProvider services)
        where T : class
    {
        // The greediest public constructor wins, as with ActivatorUtilities.
        var constructor = typeof(T).GetConstructors().MaxBy(c => c.GetParameters().Length)
            ?? throw new InvalidOperationException($"{typeof(T).FullName} has no public constructor.");
        var arguments = Array.ConvertAll(constructor.GetParameters(), p => Resolve(services, typeof(T), p));
        return (T)constructor.Invoke(arguments);
    }

    private static object? Resolve(IServiceProvider services, Type owner, ParameterInfo parameter) =>
        services.GetService(parameter.ParameterType)
        ?? (parameter.HasDefaultValue
            ? parameter.DefaultValue
            : throw new InvalidOperationException(
                $"Cannot create {owner.FullName}: no service of type {parameter.ParameterType.FullName} for constructor parameter '{parameter.Name}'."));
}
