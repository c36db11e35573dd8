// nanoFramework device API declarations, for a host (net10.0) compile check only: signatures, no implementation.
// Every member throws NotImplementedException; events have add/remove accessors that throw.
//
// Package: nanoFramework.Runtime.Events 1.11.39 (assembly nanoFramework.Runtime.Events), nanoframework/nanoFramework.Runtime.Events main.
// .NET BCL clash: none.
// System.Device.Gpio and nanoFramework.Hardware.Esp32 use these types internally only (GpioPinEvent : BaseEvent, GpioPinEventListener);
// their public API does not expose them. They are declared for device code that uses EventSink directly.
// NOT declared (not read): CustomEvent, WeakDelegate, EventArgs.

namespace nanoFramework.Runtime.Events
{
    internal static class NanoApiDecl_RuntimeEvents
    {
        internal static System.NotImplementedException Fail()
            => new System.NotImplementedException("nanoFramework device API declaration (host compile check only)");
    }

    // Source: nanoframework/nanoFramework.Runtime.Events nanoFramework.Runtime.Events/BaseEvent.cs (commit b43458af). Public fields.
    public class BaseEvent
    {
        public ushort Source;

        public byte Message;
    }

    // Source: nanoframework/nanoFramework.Runtime.Events nanoFramework.Runtime.Events/GenericEvent.cs (commit 2490244a). Public fields.
    public class GenericEvent : BaseEvent
    {
        public byte Category;

        public uint Data;

        public System.DateTime Time;
    }

    // Source: nanoframework/nanoFramework.Runtime.Events nanoFramework.Runtime.Events/EventCategory.cs (commit f12391c2)
    public enum EventCategory
    {
        Unknown = 0,
        Custom = 10,
        Gpio = 20,
        SerialDevice = 30,
        Network = 40,
        WiFi = 50,
        Can = 60,
        Storage = 70,
        Radio = 80,
        HighResolutionTimer = 90,
    }

    // Source: nanoframework/nanoFramework.Runtime.Events nanoFramework.Runtime.Events/IEventListener.cs. Not read.
    // Members come from the implementation in System.Device.Gpio/GpioPinEventListener.cs and from the calls in EventSink.cs.
    public interface IEventListener
    {
        void InitializeForEventSource();

        bool OnEvent(BaseEvent ev);
    }

    // Source: nanoframework/nanoFramework.Runtime.Events nanoFramework.Runtime.Events/IEventProcessor.cs. Not read (see IEventListener).
    public interface IEventProcessor
    {
        BaseEvent ProcessEvent(uint data1, uint data2, System.DateTime time);
    }

    // Source: nanoframework/nanoFramework.Runtime.Events nanoFramework.Runtime.Events/NativeEventDispatcher.cs (commit 2490244a)
    public delegate void NativeEventHandler(uint data1, uint data2, System.DateTime time);

    // Source: nanoframework/nanoFramework.Runtime.Events nanoFramework.Runtime.Events/NativeEventDispatcher.cs (commit 2490244a)
    public class NativeEventDispatcher : System.IDisposable
    {
        protected NativeEventHandler threadSpawn;

        protected NativeEventHandler callbacks;

        protected bool disposed;

        // An extern (InternalCall) ctor in the source.
        public NativeEventDispatcher(string driverName, ulong driverData) { throw NanoApiDecl_RuntimeEvents.Fail(); }

        public virtual void EnableInterrupt() => throw NanoApiDecl_RuntimeEvents.Fail();

        public virtual void DisableInterrupt() => throw NanoApiDecl_RuntimeEvents.Fail();

        protected virtual void Dispose(bool disposing) => throw NanoApiDecl_RuntimeEvents.Fail();

        public void Dispose() => throw NanoApiDecl_RuntimeEvents.Fail();

        public event NativeEventHandler OnInterrupt
        {
            add => throw NanoApiDecl_RuntimeEvents.Fail();
            remove => throw NanoApiDecl_RuntimeEvents.Fail();
        }
    }

    // Source: nanoframework/nanoFramework.Runtime.Events nanoFramework.Runtime.Events/EventSink.cs (commit 2490244a). Private ctor in the source.
    public class EventSink : NativeEventDispatcher
    {
        private EventSink() : base(null, 0) { }

        public static void AddEventListener(EventCategory eventCategory, IEventListener eventListener) => throw NanoApiDecl_RuntimeEvents.Fail();

        public static void AddEventFilter(EventCategory eventCategory, IEventListener eventFilter) => throw NanoApiDecl_RuntimeEvents.Fail();

        public static void AddEventProcessor(EventCategory eventCategory, IEventProcessor eventProcessor) => throw NanoApiDecl_RuntimeEvents.Fail();

        public static void RemoveEventListener(EventCategory eventCategory, IEventListener eventListener) => throw NanoApiDecl_RuntimeEvents.Fail();

        public static void RemoveEventFilter(EventCategory eventCategory, IEventListener eventFilter) => throw NanoApiDecl_RuntimeEvents.Fail();

        public static void RemoveEventProcessor(EventCategory eventCategory, IEventProcessor eventProcessor) => throw NanoApiDecl_RuntimeEvents.Fail();

        public static void PostManagedEvent(byte category, byte subCategory, ushort data1, uint data2) => throw NanoApiDecl_RuntimeEvents.Fail();
    }
}
