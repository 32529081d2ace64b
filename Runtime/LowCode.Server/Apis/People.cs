using LowCode.Runtime.Expressions.Context;
using LowCode.Server.Identity;
using Microsoft.AspNetCore.Identity;

namespace LowCode.Server.Apis;

/// <summary>People as tickets record them (requester with department and line manager for approvals).</summary>
public static class People
{
    public static async Task<PersonInfo> Requester(IServiceProvider services, Caller caller)
    {
        if (caller.IsClient) return new PersonInfo(caller.Id, caller.Name);
        var users = services.GetRequiredService<UserManager<LowCodeUser>>();
        var user = await users.FindByIdAsync(caller.Id);
        return user is null
            ? new PersonInfo(caller.Id, caller.Name)
            : new PersonInfo(user.Id, user.DisplayName)
            {
                Email = user.Email ?? "", Department = user.Department, Manager = user.ManagerId ?? "", Region = user.Region,
                Roles = new TagSet(caller.Roles),
            };
    }
}
