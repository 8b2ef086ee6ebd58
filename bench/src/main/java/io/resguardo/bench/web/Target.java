package io.resguardo.bench.web;

/** A running Resguardo to load: where to connect and how to sign for it. */
interface Target extends AutoCloseable {
    Load load();

    Requests requests();

    /** One line saying what runs: container, handler, filters. */
    String describe();

    @Override
    void close();
}
