package io.fetchbox;

public final class Fetchbox {
    public static void main(String[] args) {}
}
