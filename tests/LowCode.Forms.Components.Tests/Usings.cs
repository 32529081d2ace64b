global using Bunit;
global using LowCode.Forms.Components.Tests.Support;
global using Xunit;
