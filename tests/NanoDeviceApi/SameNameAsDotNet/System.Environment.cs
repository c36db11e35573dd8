// nanoFramework device API declarations, for a host (net10.0) compile check only: signatures, no implementation.
//
// Package: nanoFramework.Runtime.Native (assembly nanoFramework.Runtime.Native), nanoframework/nanoFramework.Runtime.Native main.
// .NET BCL CLASH: System.Environment exists in .NET too; see README.md in this folder for how these files are compiled.

namespace System
{
    // Source: nanoframework/nanoFramework.Runtime.Native nanoFramework.Runtime.Native/System/Environment.cs (commit 17c93f5c)
    public static partial class Environment
    {
        public static long TickCount64 => throw new NotImplementedException("nanoFramework device API declaration (host compile check only)");
    }
}
