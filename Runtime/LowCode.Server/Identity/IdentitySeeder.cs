using System.Security.Claims;
using LowCode.Grains.Storage;
using LowCode.Server.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.Options;
using OpenIddict.Abstractions;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace LowCode.Server.Identity;

/// <summary>
/// At start-up: creates the identity tables when missing, the roles, the first administrator from
/// configuration (LowCode:Admin:UserName/Password), and — with demo data — the demo people and the
/// demo integration client documented in the README.
/// </summary>
public sealed class IdentitySeeder(IServiceProvider services, IOptions<LowCodeOptions> options, IConfiguration configuration, ILogger<IdentitySeeder> log) : IHostedService
{
    public sealed record DemoPerson(string Id, string UserName, string Password, string Name, string Role, string Department, string[] Teams, string[] OrgRoles)
    {
        /// <summary>Home region (SH, BJ, SZ): the region of an agent, the place of a requester.</summary>
        public string Region { get; init; } = "";
        /// <summary>User id of the line manager (approvals to "the requester's manager").</summary>
        public string? ManagerId { get; init; }
        /// <summary>An agent profile when there are skills: levels 1-5, e.g. "electrical:4".</summary>
        public string[] Skills { get; init; } = [];
        public string[] Sites { get; init; } = [];
        public int Capacity { get; init; } = 8;
        /// <summary>Business calendar of the agent's shift; none: a 7×24 rota.</summary>
        public string? Shift { get; init; }
    }

    /// <summary>
    /// A facilities and IT help desk (设施与 IT 服务台) in Shanghai, Beijing and Shenzhen. The first eight are the
    /// people the tests and the README name; teams (机电 electrical, 暖通 HVAC, IT, 财务 finance) are seeded
    /// from <see cref="DemoPerson.Teams"/> by the demo organisation.
    /// </summary>
    public static readonly IReadOnlyList<DemoPerson> DemoPeople =
    [
        new("u-admin", "admin", "Admin#2026", "系统管理员 Admin", Roles.Administrator, "IT", [], []),
        new("u-zhou", "analyst", "Analyst#2026", "周敏 Zhou Min", Roles.Analyst, "Process", [], []),
        new("u-li", "manager", "Manager#2026", "李伟 Li Wei", Roles.Manager, "Maintenance", ["maintenance", "helpdesk"], ["team-lead", "maintenance-manager"]) { Region = "SH" },
        new("tech-li", "agent", "Agent#2026", "李强 Li Qiang", Roles.Agent, "Maintenance", ["maintenance", "electrical"], ["technician", "quality-inspector"])
            { Region = "SH", ManagerId = "u-li", Skills = ["electrical:4"], Sites = ["上海浦东", "上海张江"], Capacity = 12 },
        new("tech-zhao", "zhaogang", "Agent#2026", "赵刚 Zhao Gang", Roles.Agent, "Maintenance", ["maintenance", "hvac", "it-support"], ["technician"])
            { Region = "BJ", ManagerId = "u-li", Skills = ["it:3", "hvac:3"], Sites = ["北京朝阳"], Capacity = 10 },
        new("tech-sun", "sunli", "Agent#2026", "孙丽 Sun Li", Roles.Agent, "Maintenance", ["maintenance"], ["technician", "quality-inspector"])
            { Region = "SZ", ManagerId = "u-li", Skills = ["mechanical:4", "electrical:1"], Sites = ["深圳南山"] },
        new("u-zhang", "zhangsan", "Customer#2026", "张三 Zhang San", Roles.Customer, "Production", [], []) { Region = "SH", ManagerId = "u-li" },
        new("u-wang", "wangfang", "Customer#2026", "王芳 Wang Fang", Roles.Customer, "Sales", [], []) { Region = "BJ", ManagerId = "u-chen" },
        new("u-chen", "chenjing", "Manager#2026", "陈静 Chen Jing", Roles.Manager, "Sales", [], ["team-lead"]) { Region = "BJ" },
        new("u-qian", "qianjin", "Manager#2026", "钱进 Qian Jin", Roles.Manager, "Production", [], ["finance-director"]) { Region = "SH" },
        new("tech-wu", "wuhao", "Agent#2026", "吴昊 Wu Hao", Roles.Agent, "Maintenance", ["maintenance", "hvac", "electrical"], ["technician"])
            { Region = "SH", ManagerId = "u-li", Skills = ["hvac:4", "electrical:2"], Sites = ["上海浦东"] },
        new("tech-ma", "machao", "Agent#2026", "马超 Ma Chao", Roles.Agent, "Maintenance", ["maintenance"], ["technician"])
            { Region = "SH", ManagerId = "u-li", Skills = ["mechanical:3"], Sites = ["上海张江", "上海浦东"] },
        new("tech-chen", "chenqiang", "Agent#2026", "陈强 Chen Qiang", Roles.Agent, "Maintenance", ["maintenance", "electrical"], ["technician"])
            { Region = "BJ", ManagerId = "u-li", Skills = ["electrical:3", "mechanical:2"], Sites = ["北京朝阳", "北京亦庄"], Shift = "cn-workdays" },
        new("it-huang", "huanglei", "Agent#2026", "黄磊 Huang Lei", Roles.Agent, "IT", ["it-support", "helpdesk"], ["technician"])
            { Region = "BJ", ManagerId = "u-li", Skills = ["it:4", "network:3"], Sites = ["北京朝阳"] },
        new("it-lin", "lintao", "Agent#2026", "林涛 Lin Tao", Roles.Agent, "IT", ["it-support"], ["technician"])
            { Region = "SH", ManagerId = "u-li", Skills = ["it:3"], Sites = ["上海浦东", "上海张江"] },
        new("fin-gao", "gaomin", "Agent#2026", "高敏 Gao Min", Roles.Agent, "Finance", ["finance"], ["finance-clerk"])
            { Region = "SH", ManagerId = "u-qian", Skills = ["invoices:4", "reimbursement:4"], Sites = ["上海浦东"] },
    ];

    public const string DemoClientId = "demo-erp";
    public const string DemoClientSecret = "demo-erp-secret";

    public async Task StartAsync(CancellationToken ct)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<IdentityDb>();
        var storage = scope.ServiceProvider.GetRequiredService<StorageOptions>();

        // Instances starting together against one database take turns for the whole seeding: tables,
        // roles and clients are all created "when missing", which races (duplicate keys, a failed
        // start-up) unless one instance finishes before the next looks.
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            if (storage.Kind == StorageKind.Postgres) await db.Database.ExecuteSqlRawAsync("SELECT pg_advisory_lock(71423)", ct);
            await SeedAsync(scope.ServiceProvider, db, ct);
        }
        finally
        {
            if (storage.Kind == StorageKind.Postgres) await db.Database.ExecuteSqlRawAsync("SELECT pg_advisory_unlock(71423)", CancellationToken.None);
            await db.Database.CloseConnectionAsync();
        }
    }

    private async Task SeedAsync(IServiceProvider scope, IdentityDb db, CancellationToken ct)
    {
        await EnsureTables(db, scope.GetRequiredService<StorageOptions>(), ct);

        var roles = scope.GetRequiredService<RoleManager<IdentityRole>>();
        foreach (var role in Roles.All)
            if (!await roles.RoleExistsAsync(role)) await roles.CreateAsync(new IdentityRole(role));

        var users = scope.GetRequiredService<UserManager<LowCodeUser>>();
        var adminName = configuration["LowCode:Admin:UserName"];
        var adminPassword = configuration["LowCode:Admin:Password"];
        if (!string.IsNullOrWhiteSpace(adminName) && !string.IsNullOrWhiteSpace(adminPassword) && await users.FindByNameAsync(adminName) is null)
            await Create(users, new DemoPerson(Guid.NewGuid().ToString("N"), adminName, adminPassword, adminName, Roles.Administrator, "IT", [], []));

        await CreateWebClient(scope.GetRequiredService<IOpenIddictApplicationManager>(), scope.GetRequiredService<TokenBackchannel>().ClientSecret, ct);
        await CreateConfiguredClients(scope.GetRequiredService<IOpenIddictApplicationManager>(), ct);

        if (options.Value.SeedDemoData && !await users.Users.AnyAsync(ct))
        {
            foreach (var person in DemoPeople) await Create(users, person);
            await CreateDemoClients(scope.GetRequiredService<IOpenIddictApplicationManager>(), ct);
            log.LogInformation("Seeded demo people and the {Client} integration client (see README)", DemoClientId);
        }
        else if (!await users.Users.AnyAsync(ct))
            log.LogWarning("No users exist. Set LowCode:Admin:UserName and LowCode:Admin:Password to create the first administrator.");
    }

    public Task StopAsync(CancellationToken ct) => Task.CompletedTask;

    private static async Task Create(UserManager<LowCodeUser> users, DemoPerson person)
    {
        var user = new LowCodeUser
        {
            Id = person.Id, UserName = person.UserName, DisplayName = person.Name, Department = person.Department,
            Region = person.Region, ManagerId = person.ManagerId, Email = $"{person.UserName}@example.com",
        };
        var created = await users.CreateAsync(user, person.Password);
        if (!created.Succeeded) throw new InvalidOperationException($"User {person.UserName}: {string.Join("; ", created.Errors.Select(e => e.Description))}");
        await users.AddToRoleAsync(user, person.Role);
        // Teams and agent profiles are the organisation's (Demo/DemoOrganisation), not claims.
        var claims = person.OrgRoles.Select(r => new Claim(LowCodeClaims.OrgRole, r))
            .Append(new Claim(LowCodeClaims.Department, person.Department));
        await users.AddClaimsAsync(user, claims);
    }

    /// <summary>
    /// The web UI's own client: confidential (its secret is in the key store every instance shares), code
    /// flow with PKCE and refresh tokens. Its redirect URI is this site's callback, checked per request
    /// (<see cref="ClientRedirectUris"/>), so none is registered.
    /// </summary>
    private static async Task CreateWebClient(IOpenIddictApplicationManager apps, string secret, CancellationToken ct)
    {
        var descriptor = new OpenIddictApplicationDescriptor
        {
            ClientId = WebSignIn.ClientId, ClientSecret = secret, ClientType = ClientTypes.Confidential,
            ConsentType = ConsentTypes.Implicit, DisplayName = "LowCode web UI",
            Permissions =
            {
                Permissions.Endpoints.Authorization, Permissions.Endpoints.Token, Permissions.Endpoints.Revocation, Permissions.Endpoints.EndSession,
                Permissions.GrantTypes.AuthorizationCode, Permissions.GrantTypes.RefreshToken, Permissions.ResponseTypes.Code,
                Permissions.Scopes.Profile, Permissions.Scopes.Roles, Permissions.Prefixes.Scope + OpenIddictConstants.Scopes.OfflineAccess,
                Permissions.Prefixes.Scope + Identity.Scopes.TicketsRead, Permissions.Prefixes.Scope + Identity.Scopes.TicketsWrite,
                Permissions.Prefixes.Scope + Identity.Scopes.TicketTypesRead, Permissions.Prefixes.Scope + Identity.Scopes.TicketTypesWrite,
            },
            Requirements = { Requirements.Features.ProofKeyForCodeExchange },
        };
        if (await apps.FindByClientIdAsync(WebSignIn.ClientId, ct) is { } existing) await apps.UpdateAsync(existing, descriptor, ct);
        else await apps.CreateAsync(descriptor, ct);
    }

    /// <summary>Integration clients from configuration: LowCode:Clients:N:Id, :Secret, :Scopes (space-separated).</summary>
    private async Task CreateConfiguredClients(IOpenIddictApplicationManager apps, CancellationToken ct)
    {
        foreach (var section in configuration.GetSection("LowCode:Clients").GetChildren())
        {
            var id = section["Id"];
            var secret = section["Secret"];
            if (string.IsNullOrWhiteSpace(id) || string.IsNullOrWhiteSpace(secret) || await apps.FindByClientIdAsync(id, ct) is not null) continue;
            var descriptor = new OpenIddictApplicationDescriptor
            {
                ClientId = id, ClientSecret = secret, ClientType = ClientTypes.Confidential, DisplayName = section["Name"] ?? id,
                Permissions = { Permissions.Endpoints.Token, Permissions.Endpoints.Introspection, Permissions.Endpoints.Revocation, Permissions.GrantTypes.ClientCredentials },
            };
            foreach (var scope in (section["Scopes"] ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries))
                descriptor.Permissions.Add(Permissions.Prefixes.Scope + scope);
            await apps.CreateAsync(descriptor, ct);
            log.LogInformation("Created integration client {Client} from configuration", id);
        }
    }

    private static async Task CreateDemoClients(IOpenIddictApplicationManager apps, CancellationToken ct)
    {
        if (await apps.FindByClientIdAsync(DemoClientId, ct) is null)
            await apps.CreateAsync(new OpenIddictApplicationDescriptor
            {
                ClientId = DemoClientId,
                ClientSecret = DemoClientSecret,
                ClientType = ClientTypes.Confidential,
                DisplayName = "Demo ERP integration",
                Permissions =
                {
                    Permissions.Endpoints.Token, Permissions.Endpoints.Introspection, Permissions.Endpoints.Revocation,
                    Permissions.GrantTypes.ClientCredentials,
                    Permissions.Prefixes.Scope + Scopes.TicketsRead, Permissions.Prefixes.Scope + Scopes.TicketsWrite,
                    Permissions.Prefixes.Scope + Scopes.TicketTypesRead,
                },
            }, ct);
        if (await apps.FindByClientIdAsync("lowcode-cli", ct) is null)
            await apps.CreateAsync(new OpenIddictApplicationDescriptor
            {
                ClientId = "lowcode-cli",
                ClientType = ClientTypes.Public,
                DisplayName = "LowCode command line and scripts (sign in as a person)",
                RedirectUris = { new Uri("http://127.0.0.1/callback") },
                Permissions =
                {
                    Permissions.Endpoints.Authorization, Permissions.Endpoints.Token, Permissions.Endpoints.Revocation,
                    Permissions.GrantTypes.AuthorizationCode, Permissions.GrantTypes.RefreshToken, Permissions.ResponseTypes.Code,
                    Permissions.Scopes.Profile, Permissions.Scopes.Roles,
                    Permissions.Prefixes.Scope + Scopes.TicketsRead, Permissions.Prefixes.Scope + Scopes.TicketsWrite,
                    Permissions.Prefixes.Scope + Scopes.TicketTypesRead, Permissions.Prefixes.Scope + Scopes.TicketTypesWrite,
                },
                Requirements = { Requirements.Features.ProofKeyForCodeExchange },
            }, ct);
    }

    /// <summary>The identity tables share the database with Orleans and the read model, so they are created when missing (the caller holds the seeding lock).</summary>
    private static async Task EnsureTables(IdentityDb db, StorageOptions storage, CancellationToken ct)
    {
        await using var exists = db.Database.GetDbConnection().CreateCommand();
        exists.CommandText = storage.Kind == StorageKind.Postgres
            ? "SELECT COUNT(*) FROM information_schema.tables WHERE table_name = 'AspNetUsers'"
            : "SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = 'AspNetUsers'";
        if (Convert.ToInt64(await exists.ExecuteScalarAsync(ct)) == 0)
            await db.GetService<IRelationalDatabaseCreator>().CreateTablesAsync(ct);
    }
}
