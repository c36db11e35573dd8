namespace InterfaceFirmware.Emulator
{
    /// <summary>
    /// Something that lives in virtual time (audio rendering, chip timeouts, a power bank's
    /// auto-off timer). The clock calls it before time moves, so that by the time a tick or timer
    /// fires at <paramref name="toUs"/>, the world has caught up to that moment.
    /// </summary>
    public interface ITimeListener
    {
        /// <summary>Moves the listener's state from <paramref name="fromUs"/> to <paramref name="toUs"/> (µs, toUs &gt; fromUs).</summary>
        void AdvanceTo(long fromUs, long toUs);
    }
}
