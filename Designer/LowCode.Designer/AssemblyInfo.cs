using Microsoft.Extensions.Localization;

// The UI text lives in Resources/ of this assembly whatever ResourcesPath the host configures for its own.
[assembly: ResourceLocation("Resources")]
[assembly: RootNamespace("LowCode.Designer")]
