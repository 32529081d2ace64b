using LowCode.Server.Identity;

namespace LowCode.Server.Tests.Api;

/// <summary>The demo people every test host seeds (<see cref="IdentitySeeder.DemoPeople"/>), by what they do.</summary>
internal static class DemoPeople
{
    public static IdentitySeeder.DemoPerson Administrator => Named("admin");
    public static IdentitySeeder.DemoPerson Analyst => Named("analyst");
    public static IdentitySeeder.DemoPerson Manager => Named("manager");
    public static IdentitySeeder.DemoPerson Agent => Named("agent");
    /// <summary>张三, who requested several demo tickets (id u-zhang).</summary>
    public static IdentitySeeder.DemoPerson ZhangSan => Named("zhangsan");
    /// <summary>王芳, another customer (id u-wang).</summary>
    public static IdentitySeeder.DemoPerson WangFang => Named("wangfang");

    private static IdentitySeeder.DemoPerson Named(string userName) => IdentitySeeder.DemoPeople.Single(p => p.UserName == userName);
}
