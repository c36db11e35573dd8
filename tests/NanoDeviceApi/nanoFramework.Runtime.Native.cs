// nanoFramework device API declarations, for a host (net10.0) compile check only: signatures, no implementation.
// Every member throws NotImplementedException; events have add/remove accessors that throw.
//
// Package: nanoFramework.Runtime.Native 1.7.8 (assembly nanoFramework.Runtime.Native), nanoframework/nanoFramework.Runtime.Native main.
// Version 1.7.8 is the one referenced by nanoFramework.IoT.Device devices/System.Diagnostics.Stopwatch/packages.config.
//
// System.Environment (TickCount64), which .NET also has, is declared in SameNameAsDotNet/System.Environment.cs.
// nanoFramework.Runtime.Native.GC does not clash (different namespace),
// but any file with "using nanoFramework.Runtime.Native;" then sees an ambiguous "GC" (CS0104) when it uses System.GC.
// NOT declared: RebootOption. RebootOption.cs exists, but no stored Power.cs exposes it publicly (UNCERTAIN).

namespace nanoFramework.Runtime.Native
{
    internal static class NanoApiDecl_RuntimeNative
    {
        internal static System.NotImplementedException Fail()
            => new System.NotImplementedException("nanoFramework device API declaration (host compile check only)");
    }

    // Source: nanoframework/nanoFramework.Runtime.Native nanoFramework.Runtime.Native/GC.cs (commit 17c93f5c)
    // UNCERTAIN: the newest nf-interpreter native table (nf_rt_native.cpp @068c2b3c) has no GC methods any more.
    public static class GC
    {
        public static uint Run(bool compactHeap) => throw NanoApiDecl_RuntimeNative.Fail();

        public static void EnableGCMessages(bool enable) => throw NanoApiDecl_RuntimeNative.Fail();
    }

    // Source: nanoframework/nanoFramework.Runtime.Native nanoFramework.Runtime.Native/Power.cs (commits 279c2de5 and bbeda144)
    public delegate void RebootEventHandler();

    // Source: nanoframework/nanoFramework.Runtime.Native nanoFramework.Runtime.Native/Power.cs (commits 279c2de5 and bbeda144).
    // Non-static class with an implicit public ctor, as in the source.
    public class Power
    {
        // A field-like static event in the source; declared here with throwing add/remove.
        public static event RebootEventHandler OnRebootEvent
        {
            add => throw NanoApiDecl_RuntimeNative.Fail();
            remove => throw NanoApiDecl_RuntimeNative.Fail();
        }

        public static void RebootDevice() => throw NanoApiDecl_RuntimeNative.Fail();

        public static void RebootDevice(int exeConstraintTimeout) => throw NanoApiDecl_RuntimeNative.Fail();
    }

    // Source: nanoframework/nanoFramework.Runtime.Native nanoFramework.Runtime.Native/SystemInfo.cs (commit 279c2de5)
    public static class SystemInfo
    {
        public static System.Version Version => throw NanoApiDecl_RuntimeNative.Fail();

        public static string OEMString => throw NanoApiDecl_RuntimeNative.Fail();

        public static byte OEM => throw NanoApiDecl_RuntimeNative.Fail();

        public static byte Model => throw NanoApiDecl_RuntimeNative.Fail();

        public static ushort SKU => throw NanoApiDecl_RuntimeNative.Fail();

        public static string TargetName => throw NanoApiDecl_RuntimeNative.Fail();

        public static string Platform => throw NanoApiDecl_RuntimeNative.Fail();

        public static FloatingPoint FloatingPointSupport => throw NanoApiDecl_RuntimeNative.Fail();

        public enum FloatingPoint
        {
            None = 0,
            SinglePrecisionSoftware = 1,
            SinglePrecisionHardware = 2,
            DoublePrecisionSoftware = 3,
            DoublePrecisionHardware = 4,
        }
    }

    // Source: nanoframework/nanoFramework.Runtime.Native nanoFramework.Runtime.Native/ExecutionConstraint.cs (commit 17c93f5c). Implicit public ctor.
    public class ConstraintException : System.Exception
    {
    }

    // Source: nanoframework/nanoFramework.Runtime.Native nanoFramework.Runtime.Native/ExecutionConstraint.cs (commit 17c93f5c)
    public static class ExecutionConstraint
    {
        public static void Install(int timeoutMilliseconds, int priority) => throw NanoApiDecl_RuntimeNative.Fail();
    }

    // Source: nanoframework/nanoFramework.Runtime.Native nanoFramework.Runtime.Native/RTC.cs (commit 279c2de5; the class is named Rtc)
    public static class Rtc
    {
        public static bool SetSystemTime(System.DateTime time) => throw NanoApiDecl_RuntimeNative.Fail();
    }
}
