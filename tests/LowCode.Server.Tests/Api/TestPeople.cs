using LowCode.Server.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace LowCode.Server.Tests.Api;

/// <summary>People a test makes for itself, to lock out or delete without touching the demo people other tests use.</summary>
internal static class TestPeople
{
    public static async Task<IdentitySeeder.DemoPerson> CreatePersonAsync(this LowCodeHost host, string role = Roles.Customer)
    {
        var name = $"p{Guid.NewGuid():N}"[..12];
        var person = new IdentitySeeder.DemoPerson($"u-{name}", name, "Temporary#2026", $"Test person {name}", role, "Tests", [], []);
        await host.WithUsersAsync(async users =>
        {
            var user = new LowCodeUser { Id = person.Id, UserName = person.UserName, DisplayName = person.Name, Department = person.Department };
            var created = await users.CreateAsync(user, person.Password);
            Assert.True(created.Succeeded, string.Join("; ", created.Errors.Select(e => e.Description)));
            await users.AddToRoleAsync(user, role);
        });
        return person;
    }

    /// <summary>Locks the person out for an hour, as an administrator would.</summary>
    public static Task LockOutAsync(this LowCodeHost host, IdentitySeeder.DemoPerson person) =>
        host.WithUsersAsync(async users =>
        {
            var user = await users.FindByIdAsync(person.Id) ?? throw new InvalidOperationException($"No user {person.Id}");
            Assert.True((await users.SetLockoutEndDateAsync(user, DateTimeOffset.UtcNow.AddHours(1))).Succeeded);
        });

    public static Task DeleteAsync(this LowCodeHost host, IdentitySeeder.DemoPerson person) =>
        host.WithUsersAsync(async users =>
        {
            var user = await users.FindByIdAsync(person.Id) ?? throw new InvalidOperationException($"No user {person.Id}");
            Assert.True((await users.DeleteAsync(user)).Succeeded);
        });

    public static Task<bool> IsLockedOutAsync(this LowCodeHost host, IdentitySeeder.DemoPerson person) =>
        host.WithUsersAsync(async users => await users.IsLockedOutAsync(await users.FindByIdAsync(person.Id) ?? throw new InvalidOperationException($"No user {person.Id}")));

    private static Task WithUsersAsync(this LowCodeHost host, Func<UserManager<LowCodeUser>, Task> action) =>
        host.WithUsersAsync(async users => { await action(users); return true; });

    private static async Task<T> WithUsersAsync<T>(this LowCodeHost host, Func<UserManager<LowCodeUser>, Task<T>> action)
    {
        await using var scope = host.Services.CreateAsyncScope();
        return await action(scope.ServiceProvider.GetRequiredService<UserManager<LowCodeUser>>());
    }
}
