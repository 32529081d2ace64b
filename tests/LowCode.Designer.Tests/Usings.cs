global using Xunit;
global using Bunit;
